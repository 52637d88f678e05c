package dev.storyvault.trash;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An item in the trash: what it was, whose, how big, and what its module kept of it. */
public record TrashedItem(
    String id,
    String kind,
    String itemId,
    String ownerId,
    String title,
    long sizeBytes,
    String payload,
    Instant deletedAt,
    Instant purgeAfter) {

  Map<String, Object> view() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("kind", kind);
    body.put("item_id", itemId);
    body.put("owner_id", ownerId);
    body.put("title", title);
    body.put("size_bytes", sizeBytes);
    body.put("deleted_at", deletedAt.toString());
    body.put("purge_after", purgeAfter.toString());
    return body;
  }
}
