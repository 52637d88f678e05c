package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.document.Rows;
import dev.storyvault.trash.Trash;
import dev.storyvault.trash.Trashable;
import dev.storyvault.trash.TrashedItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deleted asset in the trash: its row, versions and variants as they were. The blobs stay
 * referenced while it is there (the collector leaves them), and are released when it is purged.
 */
@Component
class AssetTrash implements Trashable {

  static final String KIND = "asset";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Kept(
      List<Map<String, Object>> asset,
      List<Map<String, Object>> versions,
      List<Map<String, Object>> variants) {

    Stream<String> blobs() {
      return Stream.concat(versions.stream(), variants.stream())
          .map(row -> String.valueOf(row.get("blob_hash")));
    }

    long sizeBytes() {
      return Stream.concat(versions.stream(), variants.stream())
          .mapToLong(row -> ((Number) row.get("size_bytes")).longValue())
          .sum();
    }
  }

  private final JdbcClient jdbc;
  private final Trash trash;
  private final Assets assets;
  private final BlobLedger ledger;
  private final PublicBlobs publicBlobs;
  private final ApplicationEventPublisher events;

  AssetTrash(
      JdbcClient jdbc,
      Trash trash,
      Assets assets,
      BlobLedger ledger,
      PublicBlobs publicBlobs,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.trash = trash;
    this.assets = assets;
    this.ledger = ledger;
    this.publicBlobs = publicBlobs;
    this.events = events;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** In the deleting transaction, before the rows go. */
  void keep(Asset asset) {
    Kept kept =
        new Kept(
            Rows.capture(jdbc, "SELECT * FROM assets WHERE id = ?", asset.id()),
            Rows.capture(jdbc, "SELECT * FROM asset_versions WHERE asset_id = ?", asset.id()),
            Rows.capture(jdbc, "SELECT * FROM asset_variants WHERE asset_id = ?", asset.id()));
    trash.put(
        KIND,
        asset.id(),
        asset.ownerId(),
        asset.filename(),
        kept.sizeBytes(),
        JSON.writeValueAsString(kept));
  }

  @Override
  public void restore(TrashedItem item) {
    Kept kept = read(item);
    assets.changed(item.itemId());
    Rows.insert(jdbc, "assets", kept.asset().getFirst());
    kept.versions().forEach(row -> Rows.insert(jdbc, "asset_versions", row));
    kept.variants().forEach(row -> Rows.insert(jdbc, "asset_variants", row));
    Asset asset = assets.find(item.itemId()).orElseThrow();
    publicBlobs.restored(asset);
    events.publishEvent(new AssetChanged(asset.id(), asset.ownerId()));
  }

  @Override
  public void purge(TrashedItem item) {
    read(item).blobs().forEach(hash -> ledger.release(BlobId.of(hash)));
  }

  private static Kept read(TrashedItem item) {
    return JSON.readValue(item.payload(), new TypeReference<Kept>() {});
  }
}
