package dev.storyvault.collection;

import dev.storyvault.asset.AssetReadGrant;
import dev.storyvault.document.SqlConditions;
import dev.storyvault.identity.Caller;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A caller who may read a document may read the assets it references: a public animation's file, a
 * creature's sprite for whoever may see the creature.
 */
@Component
class CollectionAssetGrants implements AssetReadGrant {

  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final CollectionCatalog catalog;

  CollectionAssetGrants(JdbcClient jdbc, CollectionCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  @Override
  public String referrerType() {
    return DocumentEditor.REFERRER;
  }

  @Override
  public boolean allowsAny(Caller caller, List<String> documentIds) {
    for (int from = 0; from < documentIds.size(); from += CHUNK) {
      List<String> chunk = documentIds.subList(from, Math.min(documentIds.size(), from + CHUNK));
      SqlConditions sql =
          new SqlConditions()
              .append("SELECT collection, owner_id FROM collection_documents WHERE 1 = 1")
              .andIn("id", chunk);
      boolean any =
          jdbc.sql(sql.sql())
              .params(sql.params())
              .query((rs, n) -> readable(caller, rs.getString(1), rs.getString(2)))
              .list()
              .contains(true);
      if (any) return true;
    }
    return false;
  }

  private boolean readable(Caller caller, String collection, String ownerId) {
    return catalog
        .find(collection)
        .map(c -> CollectionAccess.satisfies(c.definition().access().read(), caller, ownerId))
        .orElse(false);
  }
}
