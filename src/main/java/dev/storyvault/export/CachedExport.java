package dev.storyvault.export;

import dev.storyvault.blob.BlobId;
import java.time.Instant;

record CachedExport(
    String storyId,
    ExportFormat format,
    String fingerprint,
    BlobId blob,
    long sizeBytes,
    Instant createdAt) {}
