package dev.storyvault.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed storage of immutable blobs: local disk in embedded mode, an S3-compatible
 * bucket in scale-out mode. Both pass {@code BlobStoreContract}.
 */
public interface BlobStore {

  /**
   * Stores the file's bytes under {@code id}, which the caller has computed while receiving them.
   * Idempotent: storing bytes that are already there is a no-op. The store may move {@code file}
   * instead of copying it; the caller deletes whatever is left. When this returns, the bytes are
   * durable.
   */
  void put(BlobId id, Path file) throws IOException;

  /** Size in bytes, or empty when the blob is not stored. */
  Optional<Long> size(BlobId id) throws IOException;

  /**
   * Streams {@code length} bytes from {@code offset}; throws {@link BlobNotFoundException} if
   * absent.
   */
  InputStream open(BlobId id, long offset, long length) throws IOException;

  /** A local file holding the blob, for zero-copy serving; empty where blobs are remote. */
  default Optional<Path> localFile(BlobId id) {
    return Optional.empty();
  }

  /** Removes the blob; true if it was there. */
  boolean delete(BlobId id) throws IOException;

  /** A cheap round trip that proves the store answers (for readiness). */
  void check() throws IOException;
}
