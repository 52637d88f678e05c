package dev.storyvault.asset;

import dev.storyvault.database.Dialect;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which documents use which assets, both ways; kept in the same transaction as the documents. */
@Repository
class AssetReferences {

  private final JdbcClient jdbc;
  private final Dialect dialect;

  AssetReferences(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Replaces what the referrer uses; returns the ids among {@code assetIds} that no longer exist
   * (then nothing should be kept). The existing ones stay locked until the transaction ends, so a
   * concurrent delete waits, then sees the new references.
   */
  Set<String> replace(String referrerType, String referrerId, Collection<String> assetIds) {
    List<String> wanted = assetIds.stream().distinct().toList();
    Set<String> missing = new java.util.TreeSet<>(wanted);
    wanted.forEach(
        id -> {
          if (lockExisting(id)) missing.remove(id);
        });
    if (!missing.isEmpty()) return missing;
    jdbc.sql("DELETE FROM asset_references WHERE referrer_type = ? AND referrer_id = ?")
        .params(referrerType, referrerId)
        .update();
    for (String assetId : wanted) {
      jdbc.sql(
              "INSERT INTO asset_references (asset_id, referrer_type, referrer_id) VALUES (?, ?, ?)")
          .params(assetId, referrerType, referrerId)
          .update();
    }
    return missing;
  }

  /**
   * Locks the asset's row against concurrent users until the transaction ends; false if it is gone.
   */
  boolean lockAsset(String assetId) {
    return jdbc.sql("SELECT id FROM assets WHERE id = ?" + dialect.lockForUpdate())
        .param(assetId)
        .query(String.class)
        .optional()
        .isPresent();
  }

  private boolean lockExisting(String assetId) {
    return jdbc.sql("SELECT id FROM assets WHERE id = ?" + dialect.lockForShare())
        .param(assetId)
        .query(String.class)
        .optional()
        .isPresent();
  }

  List<String> referrers(String referrerType, String assetId) {
    return jdbc.sql(
            "SELECT referrer_id FROM asset_references WHERE asset_id = ? AND referrer_type = ? ORDER BY referrer_id")
        .params(assetId, referrerType)
        .query(String.class)
        .list();
  }

  List<Map<String, String>> all(String assetId) {
    return jdbc.sql(
            "SELECT referrer_type, referrer_id FROM asset_references WHERE asset_id = ? ORDER BY referrer_type, referrer_id")
        .param(assetId)
        .query((rs, n) -> Map.of("type", rs.getString(1), "id", rs.getString(2)))
        .list();
  }
}
