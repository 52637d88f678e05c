package dev.storyvault.asset;

import dev.storyvault.blob.BlobStore;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's assets: each version's original file and what is known of it. Erased after their
 * stories and documents (whose references went with them): an asset nothing references any more is
 * removed as any delete removes it, blobs released; one that other people's content still uses is
 * kept for that content and given to the placeholder account. References are checked with the
 * asset's row locked, inside the removal's transaction.
 */
@Component
@Order(80)
class AssetPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final Assets assets;
  private final AssetRemoval removal;
  private final AssetReferences references;
  private final BlobStore blobs;
  private final WriteTransactions writes;
  private final ApplicationEventPublisher events;

  AssetPersonalData(
      JdbcClient jdbc,
      Assets assets,
      AssetRemoval removal,
      AssetReferences references,
      BlobStore blobs,
      WriteTransactions writes,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.assets = assets;
    this.removal = removal;
    this.references = references;
    this.blobs = blobs;
    this.writes = writes;
    this.events = events;
  }

  @Override
  public String section() {
    return "assets";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    for (String id : owned(userId)) {
      Asset asset = assets.find(id).orElse(null);
      if (asset == null) continue;
      Map<String, Object> about = new LinkedHashMap<>();
      about.put("id", asset.id());
      about.put("kind", asset.kind().name().toLowerCase());
      about.put("filename", asset.filename());
      about.put("public", asset.isPublic());
      about.put("current_version", asset.currentVersion());
      about.put("metadata", asset.metadataJson());
      about.put("created_at", asset.createdAt().toString());
      about.put("updated_at", asset.updatedAt().toString());
      archive.json("assets/" + id + "/asset.json", about);
      for (AssetVersion v : assets.versions(id)) {
        archive.file(
            "assets/" + id + "/v" + v.version() + "-" + PersonalArchive.cleanName(v.filename()),
            blobs.open(v.blob(), 0, v.sizeBytes()));
      }
    }
  }

  @Override
  public long sizeBytes(String userId) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(v.size_bytes), 0) FROM asset_versions v"
                + " JOIN assets a ON a.id = v.asset_id WHERE a.owner_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  @Override
  public int erase(String userId, String heir) {
    int removed = 0;
    for (String id : owned(userId)) {
      Asset asset = assets.find(id).orElse(null);
      if (asset == null) continue;
      if (writes.execute(() -> keptFor(asset, heir))) continue;
      try {
        removal.erase(asset);
        removed++;
      } catch (dev.storyvault.platform.ApiProblem inUseMeanwhile) {
        writes.execute(() -> keptFor(asset, heir));
      }
    }
    return removed;
  }

  /** Gives the asset to {@code heir} if other content still uses it; whether it did. */
  private boolean keptFor(Asset asset, String heir) {
    if (!references.lockAsset(asset.id()) || references.all(asset.id()).isEmpty()) return false;
    assets.changed(asset.id());
    jdbc.sql("UPDATE assets SET owner_id = ? WHERE id = ?").params(heir, asset.id()).update();
    events.publishEvent(new AssetChanged(asset.id(), heir));
    return true;
  }

  private List<String> owned(String userId) {
    return jdbc.sql("SELECT id FROM assets WHERE owner_id = ? ORDER BY id")
        .param(userId)
        .query(String.class)
        .list();
  }
}
