package dev.storyvault.asset;

import org.springframework.modulith.NamedInterface;

/**
 * Published after an asset and its versions are gone (CDN purge, references, analytics react to
 * it).
 */
@NamedInterface("events")
public record AssetDeleted(String assetId, String ownerId) {}
