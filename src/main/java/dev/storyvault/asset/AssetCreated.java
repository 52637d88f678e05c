package dev.storyvault.asset;

import org.springframework.modulith.NamedInterface;

/**
 * Published with a new asset's first version (storage accounting, analytics and moderation react to
 * it).
 */
@NamedInterface("events")
public record AssetCreated(String assetId, String ownerId, String kind) {}
