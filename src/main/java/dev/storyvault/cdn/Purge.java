package dev.storyvault.cdn;

import java.util.Set;

/** What to drop from the CDN: surrogate keys (for caches that tag) and paths (for those that do not). */
public record Purge(Set<String> keys, Set<String> paths) {

    static Purge story(String id) {
        return new Purge(Set.of("story-" + id), Set.of("/api/stories/" + id, "/api/stories/" + id + "/*"));
    }

    static Purge asset(String id) {
        return new Purge(Set.of("asset-" + id), Set.of("/api/assets/" + id + "/*"));
    }
}
