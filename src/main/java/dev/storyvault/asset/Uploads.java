package dev.storyvault.asset;

import dev.storyvault.asset.inspection.ContentInspector;
import dev.storyvault.asset.inspection.Inspection;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.blob.StoredBlob;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The upload pipeline: receive to a temp file while hashing, inspect the bytes, store the blob
 * durably, then record the asset in one transaction. A rejection at any step leaves nothing behind.
 */
@Component
class Uploads {

  private final Receiver receiver;
  private final ContentInspector inspector;
  private final UploadLimits limits;
  private final BlobLedger blobs;
  private final Assets assets;
  private final MetadataJson metadata;
  private final WriteTransactions writes;
  private final Clock clock;
  private final GuestQuota quota;
  private final VariantCatalog catalog;
  private final VariantScheduling scheduling;
  private final ApplicationEventPublisher events;

  Uploads(
      Receiver receiver,
      ContentInspector inspector,
      UploadLimits limits,
      BlobLedger blobs,
      Assets assets,
      MetadataJson metadata,
      WriteTransactions writes,
      Clock clock,
      GuestQuota quota,
      VariantCatalog catalog,
      VariantScheduling scheduling,
      ApplicationEventPublisher events) {
    this.clock = clock;
    this.events = events;
    this.catalog = catalog;
    this.scheduling = scheduling;
    this.quota = quota;
    this.receiver = receiver;
    this.inspector = inspector;
    this.limits = limits;
    this.blobs = blobs;
    this.assets = assets;
    this.metadata = metadata;
    this.writes = writes;
  }

  AssetView create(Caller caller, UploadRequest request, InputStream body) throws IOException {
    Map<String, Object> userMetadata = metadata.parse(request.metadataJson());
    try (Receiver.ReceivedFile file = receive(body, request.kind(), quota.remaining(caller))) {
      AssetVersion content = storeContent(file, request.kind(), null, request.filename());
      Instant now = content.createdAt();
      Asset asset =
          new Asset(
              content.assetId(),
              caller.userId(),
              request.storyId(),
              content.format().kind(),
              content.filename(),
              request.isPublic(),
              1,
              metadata.write(userMetadata),
              now,
              now);
      writes.run(
          () -> {
            assets.insert(asset);
            record(content);
            events.publishEvent(
                new AssetCreated(asset.id(), asset.ownerId(), asset.kind().wireName()));
          });
      scheduling.makeVariants(asset, content);
      return AssetView.of(asset, content, userMetadata, catalog.urls(asset, content));
    }
  }

  /** Stores new content as the next version; the kind of an asset never changes. */
  AssetView replace(Asset asset, String filename, InputStream body) throws IOException {
    try (Receiver.ReceivedFile file = receive(body, Optional.of(asset.kind()), Long.MAX_VALUE)) {
      AssetVersion draft = storeContent(file, Optional.of(asset.kind()), asset.id(), filename);
      AssetVersion content =
          new AssetVersion(
              asset.id(),
              asset.currentVersion() + 1,
              draft.blob(),
              draft.format(),
              draft.sizeBytes(),
              draft.width(),
              draft.height(),
              draft.durationMs(),
              draft.filename(),
              draft.createdAt());
      Asset updated = asset.withCurrent(content.version(), content.filename(), content.createdAt());
      writes.run(
          () -> {
            if (!assets.advance(updated, asset.currentVersion())) {
              throw new ApiProblem(
                  HttpStatus.CONFLICT,
                  "concurrent-update",
                  "Conflict",
                  "Another upload replaced this asset at the same time; fetch it and try again.");
            }
            record(content);
            events.publishEvent(new AssetChanged(updated.id(), updated.ownerId()));
          });
      scheduling.makeVariants(updated, content);
      return AssetView.of(
          updated, content, metadata.parse(asset.metadataJson()), catalog.urls(updated, content));
    }
  }

  private Receiver.ReceivedFile receive(InputStream body, Optional<AssetKind> kind, long quota)
      throws IOException {
    if (quota <= 0)
      throw ApiProblem.tooLarge("The guest upload quota is used up; sign in to upload more.");
    return receiver.receive(
        body, Math.min(quota, limits.maxBytes(kind.orElse(AssetKind.IMAGE), kind.isPresent())));
  }

  private AssetVersion storeContent(
      Receiver.ReceivedFile file, Optional<AssetKind> kind, String assetId, String filename)
      throws IOException {
    Inspection found = inspector.inspect(file.head(), file.path(), kind);
    limits.checkSize(found.format().kind(), file.size());
    blobs.put(new StoredBlob(file.blob(), file.size()), file.path());
    String id = assetId != null ? assetId : Ids.next("ast");
    return new AssetVersion(
        id,
        1,
        file.blob(),
        found.format(),
        file.size(),
        found.width(),
        found.height(),
        found.durationMs(),
        Filenames.sanitize(filename, found.format()),
        clock.instant());
  }

  private void record(AssetVersion content) {
    if (!blobs.reference(content.blob())) {
      throw BlobLedger.busy();
    }
    assets.insertVersion(content);
  }
}
