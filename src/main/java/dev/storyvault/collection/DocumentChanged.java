package dev.storyvault.collection;

import org.springframework.modulith.NamedInterface;

/** A document of a collection was replaced, patched or restored (a new version). */
@NamedInterface("events")
public record DocumentChanged(String collection, String documentId, String ownerId) {}
