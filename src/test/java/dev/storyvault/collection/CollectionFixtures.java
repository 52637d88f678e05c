package dev.storyvault.collection;

import dev.storyvault.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders and helpers for collection tests: a collection of monsters, its documents. */
final class CollectionFixtures {

  private CollectionFixtures() {}

  static String aName() {
    return "monsters-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Monsters: name, level, element, tags, boss, seen_at, stats.hp, art (an asset). */
  static Map<String, Object> monsters(String name, Map<String, Object> access) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put(
        "schema",
        Map.of(
            "type",
            "object",
            "required",
            List.of("name", "level"),
            "properties",
            Map.of(
                "name", Map.of("type", "string", "maxLength", 100),
                "level", Map.of("type", "integer", "minimum", 0),
                "element", Map.of("enum", List.of("fire", "water", "earth", "air")),
                "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                "boss", Map.of("type", "boolean"),
                "seen_at", Map.of("type", "string", "format", "date-time"),
                "stats",
                    Map.of("type", "object", "properties", Map.of("hp", Map.of("type", "integer"))),
                "art", Map.of("type", "string"))));
    body.put(
        "indexed_fields",
        List.of(
            Map.of("path", "name", "type", "string"),
            Map.of("path", "level", "type", "number"),
            Map.of("path", "element", "type", "string"),
            Map.of("path", "tags", "type", "string_array"),
            Map.of("path", "boss", "type", "boolean"),
            Map.of("path", "seen_at", "type", "date-time")));
    body.put("compound_indexes", List.of(List.of("element", "level")));
    body.put("asset_fields", List.of("art"));
    body.put("access", access);
    return body;
  }

  static Map<String, Object> openAccess() {
    return Map.of(
        "list", "authenticated",
        "read", "authenticated",
        "create", "authenticated",
        "update", "owner",
        "delete", "owner");
  }

  static Map<String, Object> aMonster(String name, int level, String element, String... tags) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", name);
    doc.put("level", level);
    doc.put("element", element);
    doc.put("tags", List.of(tags));
    return doc;
  }

  static String documents(String collection) {
    return "/api/collections/" + collection + "/documents";
  }

  static String create(Api api, String collection, Map<String, Object> doc) {
    Api.Response created = api.postJson(documents(collection), doc);
    if (created.status() != 201)
      throw new IllegalStateException("Could not create a document: " + created.text());
    return created.json().get("id").asString();
  }

  static String query(String filter) {
    return "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }
}
