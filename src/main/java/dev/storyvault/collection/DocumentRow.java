package dev.storyvault.collection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/**
 * A listed document with its data still as the stored JSON text: a page is written out without
 * parsing each document and serializing it again (only {@code fields=} and the next cursor need the
 * parsed data).
 */
record DocumentRow(
    String id,
    String collection,
    String ownerId,
    int version,
    String json,
    Instant createdAt,
    Instant updatedAt) {

  CollectionDocument parsed(CollectionJson reader) {
    return new CollectionDocument(
        id, collection, ownerId, version, reader.stored(json), createdAt, updatedAt);
  }

  Map<String, Object> view(List<String> fields, CollectionJson reader) {
    if (!fields.isEmpty()) return parsed(reader).view(fields);
    Map<String, Object> out =
        new CollectionDocument(id, collection, ownerId, version, Map.of(), createdAt, updatedAt)
            .view();
    out.put("data", new RawValue(json));
    return out;
  }
}
