package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import java.time.Instant;

/** One immutable content of an asset, naming its blob by hash. */
public record AssetVersion(
    String assetId,
    int version,
    BlobId blob,
    MediaFormat format,
    long sizeBytes,
    Integer width,
    Integer height,
    Long durationMs,
    String filename,
    Instant createdAt) {

  public String mimeType() {
    return format.mimeType();
  }
}
