package dev.storyvault.asset;

/** Published after an asset's content or visibility changed (the CDN drops its mutable URLs). */
public record AssetChanged(String assetId, String ownerId) {}
