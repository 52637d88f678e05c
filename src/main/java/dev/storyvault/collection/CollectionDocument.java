package dev.storyvault.collection;

import dev.storyvault.document.Preconditions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One document of a collection: its data (what the schema describes) and what the server keeps. */
record CollectionDocument(
    String id,
    String collection,
    String ownerId,
    int version,
    Map<String, Object> data,
    Instant createdAt,
    Instant updatedAt) {

  String etag() {
    return Preconditions.etag(version);
  }

  Map<String, Object> view() {
    return view(data);
  }

  /** With only these top-level fields of the data (all when {@code fields} is empty). */
  Map<String, Object> view(List<String> fields) {
    if (fields.isEmpty()) return view();
    Map<String, Object> picked = new LinkedHashMap<>();
    fields.forEach(
        f -> {
          if (data.containsKey(f)) picked.put(f, data.get(f));
        });
    return view(picked);
  }

  private Map<String, Object> view(Map<String, Object> shown) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("collection", collection);
    out.put("owner_id", ownerId);
    out.put("version", version);
    out.put("created_at", createdAt.toString());
    out.put("updated_at", updatedAt.toString());
    out.put("data", shown);
    return out;
  }
}
