package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A collection's access rules, one per operation. */
record AccessRules(
    AccessRule list, AccessRule read, AccessRule create, AccessRule update, AccessRule delete) {

  private static final Set<String> OPERATIONS =
      Set.of("list", "read", "create", "update", "delete");

  /** Owners list, read and change their own documents; any signed-in caller may create. */
  static final AccessRules DEFAULT =
      new AccessRules(
          AccessRule.OWNER,
          AccessRule.OWNER,
          AccessRule.AUTHENTICATED,
          AccessRule.OWNER,
          AccessRule.OWNER);

  static AccessRules from(Object value) {
    if (value == null) return DEFAULT;
    if (!(value instanceof Map<?, ?> map))
      throw ApiProblem.badRequest("invalid-collection", "access must be an object.");
    map.keySet().stream()
        .filter(k -> !OPERATIONS.contains(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw ApiProblem.badRequest(
                  "invalid-collection",
                  "access." + k + ": unknown operation; use list, read, create, update, delete.");
            });
    AccessRules rules =
        new AccessRules(
            rule(map, "list", DEFAULT.list),
            rule(map, "read", DEFAULT.read),
            rule(map, "create", DEFAULT.create),
            rule(map, "update", DEFAULT.update),
            rule(map, "delete", DEFAULT.delete));
    for (String write : new String[] {"create", "update", "delete"}) {
      if (rules.toMap().get(write).equals(AccessRule.PUBLIC.wireName()))
        throw ApiProblem.badRequest(
            "invalid-collection",
            "access." + write + ": 'public' is for reads; writers must send a credential.");
    }
    return rules;
  }

  private static AccessRule rule(Map<?, ?> map, String operation, AccessRule fallback) {
    Object value = map.get(operation);
    return value == null ? fallback : AccessRule.fromWire(value, "access." + operation);
  }

  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("list", list.wireName());
    out.put("read", read.wireName());
    out.put("create", create.wireName());
    out.put("update", update.wireName());
    out.put("delete", delete.wireName());
    return out;
  }
}
