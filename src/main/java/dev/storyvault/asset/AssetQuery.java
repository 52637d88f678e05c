package dev.storyvault.asset;

import java.time.Instant;

/**
 * Filters of the asset listing; null means "any". {@code after} is the last id of the previous
 * page.
 */
record AssetQuery(
    String ownerId,
    AssetKind kind,
    String storyId,
    Instant createdAfter,
    Instant createdBefore,
    String after,
    int limit) {}
