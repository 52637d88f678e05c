package dev.storyvault.asset;

/**
 * Published after an asset and its versions are gone (CDN purge, references, analytics react to
 * it).
 */
public record AssetDeleted(String assetId, String ownerId) {}
