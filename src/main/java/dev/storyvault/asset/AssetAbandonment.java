package dev.storyvault.asset;

import dev.storyvault.trash.Abandonable;
import dev.storyvault.trash.StorageUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Abandoned assets: private, attached to no story, referenced by nothing, untouched since the
 * cutoff (uploaded for something that never used them). Removed with their blobs released, after
 * the references are checked again with the asset's row locked. Also what each owner stores.
 */
@Component
class AssetAbandonment implements Abandonable, StorageUsage {

  private static final String SIZE =
      "COALESCE((SELECT SUM(v.size_bytes) FROM asset_versions v WHERE v.asset_id = a.id), 0)"
          + " + COALESCE((SELECT SUM(w.size_bytes) FROM asset_variants w WHERE w.asset_id = a.id), 0)";

  private final JdbcClient jdbc;
  private final Assets assets;
  private final AssetReferences references;
  private final AssetRemoval removal;

  AssetAbandonment(
      JdbcClient jdbc, Assets assets, AssetReferences references, AssetRemoval removal) {
    this.jdbc = jdbc;
    this.assets = assets;
    this.references = references;
    this.removal = removal;
  }

  @Override
  public String kind() {
    return AssetTrash.KIND;
  }

  @Override
  public List<Candidate> abandoned(Instant cutoff, int limit) {
    return jdbc.sql(
            "SELECT a.id, a.owner_id, a.filename, "
                + SIZE
                + " FROM assets a WHERE a.updated_at < ? AND a.is_public = FALSE AND a.story_id IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM asset_references r WHERE r.asset_id = a.id)"
                + " ORDER BY a.updated_at LIMIT ?")
        .params(cutoff.toEpochMilli(), limit)
        .query(
            (rs, n) ->
                new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  @Override
  public boolean removeIfAbandoned(String itemId, Instant cutoff) {
    if (!references.lockAsset(itemId) || !references.all(itemId).isEmpty()) return false;
    Asset asset = assets.find(itemId).orElse(null);
    if (asset == null
        || asset.isPublic()
        || asset.storyId() != null
        || !asset.updatedAt().isBefore(cutoff)) return false;
    removal.erase(asset);
    return true;
  }

  @Override
  public Map<String, Map<String, Long>> byOwner() {
    Map<String, Map<String, Long>> usage = new HashMap<>();
    StorageUsage.add(
        jdbc, usage, "assets", "SELECT owner_id, COUNT(*) FROM assets GROUP BY owner_id");
    StorageUsage.add(
        jdbc,
        usage,
        "asset_bytes",
        "SELECT a.owner_id, SUM(v.size_bytes) FROM asset_versions v JOIN assets a ON a.id = v.asset_id"
            + " GROUP BY a.owner_id");
    StorageUsage.add(
        jdbc,
        usage,
        "asset_bytes",
        "SELECT a.owner_id, SUM(w.size_bytes) FROM asset_variants w JOIN assets a ON a.id = w.asset_id"
            + " GROUP BY a.owner_id");
    return usage;
  }
}
