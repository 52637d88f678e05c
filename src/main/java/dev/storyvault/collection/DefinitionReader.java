package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a collection declaration sent by an admin (or stored), refusing with a problem that names
 * the part to change. Names and paths are checked here because they become parts of SQL (index
 * expressions and partial-index conditions): only these shapes can reach it.
 */
final class DefinitionReader {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  static final Pattern PATH =
      Pattern.compile("[a-z_][a-z0-9_]{0,39}(\\.[a-z_][a-z0-9_]{0,39}){0,3}");
  private static final Pattern ASSET_PATH =
      Pattern.compile("[a-z_][a-z0-9_]{0,39}(\\.([a-z_][a-z0-9_]{0,39}|\\*)){0,4}");
  private static final Set<String> KEYS =
      Set.of("name", "schema", "indexed_fields", "compound_indexes", "asset_fields", "access");
  static final int MAX_INDEXED = 32;

  private DefinitionReader() {}

  static CollectionDefinition read(
      Map<String, Object> body, int version, boolean builtIn, Instant created, Instant updated) {
    body.keySet().stream()
        .filter(k -> !KEYS.contains(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw invalid(k + ": unknown member; a collection has " + String.join(", ", KEYS));
            });
    List<IndexedField> indexed = indexedFields(body.get("indexed_fields"));
    return new CollectionDefinition(
        name(body.get("name")),
        schema(body.get("schema")),
        indexed,
        compoundIndexes(body.get("compound_indexes"), indexed),
        assetFields(body.get("asset_fields")),
        AccessRules.from(body.get("access")),
        version,
        builtIn,
        created,
        updated);
  }

  /** The same as {@link #NAME}, without a matcher per call (this runs on every listing). */
  static boolean isName(String name) {
    int length = name.length();
    if (length == 0 || length > 40 || name.charAt(0) < 'a' || name.charAt(0) > 'z') return false;
    for (int i = 1; i < length; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
  }

  static String name(Object value) {
    if (!(value instanceof String name) || !NAME.matcher(name).matches())
      throw invalid(
          "name: 1 to 40 characters, lower-case letters, digits and '-', starting with a letter.");
    return name;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(Object value) {
    if (!(value instanceof Map<?, ?> map))
      throw invalid("schema: send a JSON Schema (draft 2020-12) object.");
    return (Map<String, Object>) map;
  }

  private static List<IndexedField> indexedFields(Object value) {
    List<IndexedField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Object item : list(value, "indexed_fields", MAX_INDEXED)) {
      if (!(item instanceof Map<?, ?> field))
        throw invalid("indexed_fields: each is {\"path\": \"…\", \"type\": \"…\"}.");
      String path = path(field.get("path"), "indexed_fields");
      if (!seen.add(path)) throw invalid("indexed_fields: '" + path + "' is listed twice.");
      if (Queryable.COLUMNS.contains(path))
        throw invalid(
            "indexed_fields: '"
                + path
                + "' is a column of every document; it is always queryable.");
      fields.add(
          new IndexedField(path, FieldType.fromWire(String.valueOf(field.get("type")), path)));
    }
    return List.copyOf(fields);
  }

  private static List<List<String>> compoundIndexes(Object value, List<IndexedField> indexed) {
    List<List<String>> indexes = new ArrayList<>();
    for (Object item : list(value, "compound_indexes", 8)) {
      List<String> fields = new ArrayList<>();
      for (Object path : list(item, "compound_indexes", 4)) {
        IndexedField field =
            indexed.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(
                    () ->
                        invalid(
                            "compound_indexes: '" + path + "' is not one of the indexed_fields."));
        if (field.isArray())
          throw invalid("compound_indexes: '" + path + "' is an array; arrays index alone.");
        fields.add(field.path());
      }
      if (fields.size() < 2) throw invalid("compound_indexes: each lists 2 to 4 indexed fields.");
      indexes.add(List.copyOf(fields));
    }
    return List.copyOf(indexes);
  }

  private static List<String> assetFields(Object value) {
    List<String> paths = new ArrayList<>();
    for (Object item : list(value, "asset_fields", 16)) {
      if (!(item instanceof String path) || !ASSET_PATH.matcher(path).matches())
        throw invalid("asset_fields: dotted field paths, '*' for every element of an array.");
      paths.add(path);
    }
    return List.copyOf(paths);
  }

  private static String path(Object value, String where) {
    if (!(value instanceof String path) || !PATH.matcher(path).matches())
      throw invalid(
          where
              + ": a path is up to 4 dotted names of lower-case letters, digits and '_' ("
              + "metadata.status).");
    return path;
  }

  private static List<?> list(Object value, String where, int max) {
    if (value == null) return List.of();
    if (!(value instanceof List<?> list)) throw invalid(where + " must be an array.");
    if (list.size() > max) throw invalid(where + ": at most " + max + ".");
    return list;
  }

  static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid-collection", detail);
  }
}
