package dev.storyvault.asset;

/**
 * Published with a new asset's first version (storage accounting, analytics and moderation react to
 * it).
 */
public record AssetCreated(String assetId, String ownerId, String kind) {}
