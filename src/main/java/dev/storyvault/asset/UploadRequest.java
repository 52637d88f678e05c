package dev.storyvault.asset;

import java.util.Optional;

/** What a client says about an upload besides its bytes. The bytes decide the format. */
record UploadRequest(
    Optional<AssetKind> kind,
    String storyId,
    String filename,
    boolean isPublic,
    String metadataJson) {}
