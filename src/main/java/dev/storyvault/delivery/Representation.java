package dev.storyvault.delivery;

import dev.storyvault.blob.BlobId;
import java.time.Instant;

/**
 * One stored blob as it goes out over HTTP: its bytes, type, age, download name and cache policy.
 */
public record Representation(
    BlobId blob,
    long size,
    String mimeType,
    Instant lastModified,
    String filename,
    String cacheControl) {

  public String etag() {
    return "\"" + blob.hex() + "\"";
  }
}
