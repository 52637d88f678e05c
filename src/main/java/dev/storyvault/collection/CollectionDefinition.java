package dev.storyvault.collection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a collection is: its JSON Schema, the fields queries may use (and compound indexes over
 * them), the fields that hold asset ids, and who may do what.
 *
 * @param assetFields dotted paths; a {@code *} segment stands for every element of an array
 */
record CollectionDefinition(
    String name,
    Map<String, Object> schema,
    List<IndexedField> indexedFields,
    List<List<String>> compoundIndexes,
    List<String> assetFields,
    AccessRules access,
    int version,
    boolean builtIn,
    Instant createdAt,
    Instant updatedAt) {

  Optional<IndexedField> field(String path) {
    return indexedFields.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  CollectionDefinition withVersion(int newVersion, Instant at) {
    return new CollectionDefinition(
        name,
        schema,
        indexedFields,
        compoundIndexes,
        assetFields,
        access,
        newVersion,
        builtIn,
        createdAt,
        at);
  }

  /** The declaration as stored and as sent (no version or times). */
  Map<String, Object> declaration() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("schema", schema);
    out.put(
        "indexed_fields",
        indexedFields.stream()
            .map(f -> Map.of("path", f.path(), "type", f.type().wireName()))
            .toList());
    out.put("compound_indexes", compoundIndexes);
    out.put("asset_fields", assetFields);
    out.put("access", access.toMap());
    return out;
  }

  Map<String, Object> view() {
    Map<String, Object> out = declaration();
    out.put("version", version);
    out.put("built_in", builtIn);
    out.put("created_at", createdAt.toString());
    out.put("updated_at", updatedAt.toString());
    return out;
  }
}
