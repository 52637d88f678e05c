package dev.storyvault.collection;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.document.Rows;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.trash.Trash;
import dev.storyvault.trash.Trashable;
import dev.storyvault.trash.TrashedItem;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deleted collection document in the trash: its row and versions as they were. Its asset
 * references stay while it is there and go when it is purged. It is restored only while its
 * collection exists.
 */
@Component
class DocumentTrash implements Trashable {

  static final String KIND = "collection-document";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Kept(List<Map<String, Object>> document, List<Map<String, Object>> versions) {}

  private final JdbcClient jdbc;
  private final Trash trash;
  private final CollectionDocuments documents;
  private final CollectionCatalog catalog;
  private final FieldSql sql;
  private final ListingCache listings;
  private final AssetDirectory assets;
  private final ApplicationEventPublisher events;

  DocumentTrash(
      JdbcClient jdbc,
      Trash trash,
      CollectionDocuments documents,
      CollectionCatalog catalog,
      FieldSql sql,
      ListingCache listings,
      AssetDirectory assets,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.trash = trash;
    this.documents = documents;
    this.catalog = catalog;
    this.sql = sql;
    this.listings = listings;
    this.assets = assets;
    this.events = events;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** In the deleting transaction, before the rows go. */
  void keep(CollectionDocument doc) {
    Kept kept =
        new Kept(
            Rows.capture(
                jdbc,
                "SELECT id, collection, owner_id, version, document, created_at, updated_at"
                    + " FROM collection_documents WHERE id = ?",
                doc.id()),
            Rows.capture(
                jdbc,
                "SELECT * FROM collection_document_versions WHERE document_id = ?",
                doc.id()));
    String payload = JSON.writeValueAsString(kept);
    trash.put(
        KIND,
        doc.id(),
        doc.ownerId(),
        doc.collection() + "/" + doc.id(),
        payload.length(),
        payload);
  }

  @Override
  public void restore(TrashedItem item) {
    Kept kept = JSON.readValue(item.payload(), new TypeReference<Kept>() {});
    String collection = String.valueOf(kept.document().getFirst().get("collection"));
    CompiledCollection compiled =
        catalog
            .find(collection)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.CONFLICT,
                        "collection-gone",
                        "Collection gone",
                        "The collection '" + collection + "' no longer exists."));
    Rows.insert(
        jdbc,
        "collection_documents",
        kept.document().getFirst(),
        Map.of("document", sql.documentPlaceholder()));
    kept.versions().forEach(row -> Rows.insert(jdbc, "collection_document_versions", row));
    CollectionDocument doc = documents.find(collection, item.itemId()).orElseThrow();
    List<IndexedField> arrays = CollectionIndexes.arrayFields(compiled.definition());
    if (!arrays.isEmpty()) sql.arrayValuesChanged(collection, doc.id(), arrays, doc.data());
    listings.changed(collection);
    events.publishEvent(new DocumentChanged(collection, doc.id(), doc.ownerId()));
    if (BattleTallies.BATTLES.equals(collection))
      events.publishEvent(new BattlesChanged(doc.id(), true));
  }

  @Override
  public void purge(TrashedItem item) {
    assets.recordReferences(DocumentEditor.REFERRER, item.itemId(), List.of());
  }
}
