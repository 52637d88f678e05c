package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Deletes an asset with all its versions: into the trash (blobs kept until it is purged), or at
 * once when a person's data is erased (blobs lose a reference and are collected later). The asset
 * row is locked before its users are counted, so a document that starts using it concurrently
 * either commits first (and the delete answers 409) or finds it gone (and is refused).
 */
@Component
class AssetRemoval {

  private final Assets assets;
  private final BlobLedger ledger;
  private final ApplicationEventPublisher events;
  private final AssetReferences assetReferences;
  private final Variants variants;
  private final PublicBlobs publicBlobs;
  private final WriteTransactions writes;
  private final AssetTrash trash;

  AssetRemoval(
      AssetTrash trash,
      Assets assets,
      BlobLedger ledger,
      ApplicationEventPublisher events,
      AssetReferences assetReferences,
      Variants variants,
      PublicBlobs publicBlobs,
      WriteTransactions writes) {
    this.trash = trash;
    this.variants = variants;
    this.assets = assets;
    this.ledger = ledger;
    this.events = events;
    this.assetReferences = assetReferences;
    this.publicBlobs = publicBlobs;
    this.writes = writes;
  }

  /** Moves the asset to the trash: its blobs stay referenced until it is purged. */
  public void remove(Asset asset) {
    writes.run(
        () -> {
          unused(asset);
          trash.keep(asset);
          publicBlobs.visibilityChanging(asset, false);
          variants.deleteAll(asset.id());
          assets.delete(asset.id());
          events.publishEvent(new AssetDeleted(asset.id(), asset.ownerId()));
        });
  }

  /** Deletes the asset at once, blobs released (a person's data erased). */
  void erase(Asset asset) {
    writes.run(
        () -> {
          unused(asset);
          publicBlobs.visibilityChanging(asset, false);
          List<BlobId> blobs = new ArrayList<>(variants.deleteAll(asset.id()));
          blobs.addAll(assets.delete(asset.id()));
          blobs.forEach(ledger::release);
          events.publishEvent(new AssetDeleted(asset.id(), asset.ownerId()));
        });
  }

  /** Locks the asset's row, then refuses if anything uses it. */
  private void unused(Asset asset) {
    if (!assetReferences.lockAsset(asset.id())) throw ApiProblem.notFound("asset");
    List<Map<String, String>> users = assetReferences.all(asset.id());
    if (!users.isEmpty()) throw inUse(users);
  }

  private static ApiProblem inUse(List<Map<String, String>> users) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "asset-in-use",
        "Asset in use",
        "This asset is used by " + users.size() + " document(s); remove it from them first.",
        HttpHeaders.EMPTY,
        Map.of("used_by", users));
  }
}
