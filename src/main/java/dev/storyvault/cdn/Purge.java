package dev.storyvault.cdn;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to drop from the CDN: surrogate keys (for caches that tag) and paths (for those that do
 * not).
 */
public record Purge(Set<String> keys, Set<String> paths) {

  static Purge story(String id) {
    return new Purge(
        Set.of("story-" + id), Set.of("/api/stories/" + id, "/api/stories/" + id + "/*"));
  }

  /** The content-addressed URLs of a withdrawn asset's blobs (cached as immutable for a year). */
  static Purge publicBlobs(String assetId, Collection<String> hashes) {
    return new Purge(
        Set.of("asset-" + assetId),
        hashes.stream().map(hash -> "/api/blobs/" + hash).collect(Collectors.toUnmodifiableSet()));
  }

  static Purge asset(String id) {
    return new Purge(Set.of("asset-" + id), Set.of("/api/assets/" + id + "/*"));
  }
}
