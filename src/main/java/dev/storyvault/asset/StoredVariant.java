package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import java.time.Instant;

/** A rendered variant or transform of one asset version, kept as a blob. */
record StoredVariant(
    String assetId,
    int version,
    String name,
    BlobId blob,
    String mimeType,
    int width,
    int height,
    long sizeBytes,
    Instant createdAt) {}
