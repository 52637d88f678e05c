package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which public asset version a content-addressed URL shows, remembered for a few seconds: these
 * URLs are the hot path of delivery. When an asset's visibility changes or it is deleted, its blobs
 * are dropped from this cache on every instance as the change commits, and a withdrawal is
 * announced so the CDN drops the URLs it was told to keep for a year.
 */
@Component
class PublicBlobs {

  private final Assets assets;
  private final ApplicationEventPublisher events;
  private final InvalidatedCache<Optional<AssetVersion>> cache;

  PublicBlobs(
      Assets assets, ApplicationEventPublisher events, Clock clock, Invalidations invalidations) {
    this.assets = assets;
    this.events = events;
    this.cache =
        new InvalidatedCache<>(
            "public-blobs", Duration.ofSeconds(5), 100_000, clock, invalidations);
  }

  Optional<AssetVersion> find(BlobId blob) {
    return cache.get(blob.hex(), hex -> assets.publicVersionOf(BlobId.of(hex)));
  }

  /**
   * In the transaction that makes {@code asset} public or private ({@code publicAfter}) or deletes
   * it (false).
   */
  void visibilityChanging(Asset asset, boolean publicAfter) {
    if (asset.isPublic() == publicAfter) return;
    List<String> hashes =
        assets.versions(asset.id()).stream().map(v -> v.blob().hex()).distinct().toList();
    hashes.forEach(cache::invalidate);
    if (asset.isPublic())
      events.publishEvent(new PublicContentWithdrawn(asset.id(), asset.ownerId(), hashes));
  }

  /** In the transaction that restores {@code asset} from the trash. */
  void restored(Asset asset) {
    if (!asset.isPublic()) return;
    assets.versions(asset.id()).stream()
        .map(v -> v.blob().hex())
        .distinct()
        .forEach(cache::invalidate);
  }
}
