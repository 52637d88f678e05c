package dev.storyvault.collection;

import org.springframework.modulith.NamedInterface;

/** A document was removed from a collection. */
@NamedInterface("events")
public record DocumentDeleted(String collection, String documentId, String ownerId) {}
