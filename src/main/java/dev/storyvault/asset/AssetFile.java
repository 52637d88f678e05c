package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;

/** The current content of an asset, as another module may read it. */
public record AssetFile(
    String id,
    AssetKind kind,
    boolean isPublic,
    BlobId blob,
    String mimeType,
    String extension,
    long sizeBytes,
    String filename) {}
