package dev.storyvault.asset;

import org.springframework.modulith.NamedInterface;

/** Published after an asset's content or visibility changed (the CDN drops its mutable URLs). */
@NamedInterface("events")
public record AssetChanged(String assetId, String ownerId) {}
