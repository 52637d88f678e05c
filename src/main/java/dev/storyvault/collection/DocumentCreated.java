package dev.storyvault.collection;

import org.springframework.modulith.NamedInterface;

/** A document was added to a collection. */
@NamedInterface("events")
public record DocumentCreated(String collection, String documentId, String ownerId) {}
