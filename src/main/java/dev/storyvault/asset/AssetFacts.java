package dev.storyvault.asset;

/** What another module may know of an asset it references. */
public record AssetFacts(
    String id, String ownerId, AssetKind kind, boolean isPublic, Long durationMs) {}
