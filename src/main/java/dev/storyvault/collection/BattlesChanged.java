package dev.storyvault.collection;

/**
 * A battle was recorded ({@code recorded}), or changed or removed. Published only for the {@code
 * battles} collection, so the documents of other collections add no event publication to their
 * writes.
 */
public record BattlesChanged(String battleId, boolean recorded) {}
