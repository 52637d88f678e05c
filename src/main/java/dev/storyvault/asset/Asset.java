package dev.storyvault.asset;

import java.time.Instant;

/** An asset: owned, of one kind, with a current version and any number of earlier ones. */
public record Asset(
    String id,
    String ownerId,
    String storyId,
    AssetKind kind,
    String filename,
    boolean isPublic,
    int currentVersion,
    String metadataJson,
    Instant createdAt,
    Instant updatedAt) {

  Asset withCurrent(int version, String newFilename, Instant at) {
    return new Asset(
        id, ownerId, storyId, kind, newFilename, isPublic, version, metadataJson, createdAt, at);
  }
}
