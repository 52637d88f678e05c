package dev.storyvault.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one backup holds: when and from what it was made, the database snapshot (a blob of the
 * backup, by its SHA-256), each table's row count, and every blob the snapshot references. A
 * manifest names blobs only by hash, so one that names anything else ({@code ../x}) is refused.
 */
record Manifest(
    String id,
    Instant createdAt,
    String storyvaultVersion,
    String database,
    String schemaVersion,
    Entry snapshot,
    Map<String, Long> tables,
    List<Entry> blobs,
    int copiedBlobs) {

  /** A blob of the backup. */
  record Entry(String sha256, long sizeBytes) {}

  /** Thrown for a manifest that is not one this server wrote. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ID = Pattern.compile("bkp_[0-9a-z]{10,40}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  static boolean isName(String name) {
    return name.endsWith(".json") && ID.matcher(name.substring(0, name.length() - 5)).matches();
  }

  static String checkedName(String name) {
    if (!isName(name)) throw new Invalid("'" + name + "' is not the name of a manifest");
    return name;
  }

  String name() {
    return id + ".json";
  }

  long blobBytes() {
    return blobs.stream().mapToLong(Entry::sizeBytes).sum();
  }

  byte[] toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("created_at", createdAt.toString());
    out.put("storyvault_version", storyvaultVersion);
    out.put("database", database);
    out.put("schema_version", schemaVersion);
    out.put("snapshot", entry(snapshot));
    out.put("tables", tables);
    out.put("blobs", blobs.stream().map(Manifest::entry).toList());
    out.put("copied_blobs", copiedBlobs);
    return JSON.writeValueAsBytes(out);
  }

  /** A summary for listings (no blob list). */
  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("created_at", createdAt.toString());
    out.put("database", database);
    out.put("schema_version", schemaVersion);
    out.put("tables", tables);
    out.put("blobs", blobs.size());
    out.put("blob_bytes", blobBytes());
    out.put("snapshot_bytes", snapshot.sizeBytes());
    out.put("copied_blobs", copiedBlobs);
    return out;
  }

  private static Map<String, Object> entry(Entry e) {
    return Map.of("sha256", e.sha256(), "size_bytes", e.sizeBytes());
  }

  static Manifest parse(byte[] bytes) {
    Map<?, ?> m;
    try {
      m = JSON.readValue(bytes, Map.class);
    } catch (RuntimeException e) {
      throw new Invalid("the manifest is not JSON");
    }
    String id = text(m, "id");
    if (!ID.matcher(id).matches())
      throw new Invalid("the manifest's id '" + id + "' is not a backup id");
    Map<String, Long> tables = new LinkedHashMap<>();
    if (!(m.get("tables") instanceof Map<?, ?> t)) throw new Invalid("the manifest has no tables");
    t.forEach(
        (name, count) -> {
          if (!TABLE.matcher(String.valueOf(name)).matches() || !(count instanceof Number n))
            throw new Invalid("the manifest names a table '" + name + "' with no count");
          tables.put(String.valueOf(name), n.longValue());
        });
    List<Entry> blobs = new ArrayList<>();
    if (!(m.get("blobs") instanceof List<?> list))
      throw new Invalid("the manifest has no blob list");
    for (Object item : list) blobs.add(entry(item));
    return new Manifest(
        id,
        Instant.parse(text(m, "created_at")),
        text(m, "storyvault_version"),
        text(m, "database"),
        text(m, "schema_version"),
        entry(m.get("snapshot")),
        tables,
        blobs,
        m.get("copied_blobs") instanceof Number n ? n.intValue() : 0);
  }

  private static Entry entry(Object value) {
    if (!(value instanceof Map<?, ?> e))
      throw new Invalid("the manifest has a blob entry that is not an object");
    String hash = String.valueOf(e.get("sha256"));
    if (!HASH.matcher(hash).matches())
      throw new Invalid(
          "the manifest names '"
              + abbreviated(hash)
              + "', which is not a blob of this backup (a SHA-256)");
    if (!(e.get("size_bytes") instanceof Number size) || size.longValue() < 0)
      throw new Invalid("the manifest gives no size for blob " + hash);
    return new Entry(hash, size.longValue());
  }

  private static String text(Map<?, ?> m, String key) {
    if (!(m.get(key) instanceof String s)) throw new Invalid("the manifest has no " + key);
    return s;
  }

  private static String abbreviated(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
