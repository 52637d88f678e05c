package dev.storyvault.document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): objects merge member by member, {@code null} removes, anything else
 * replaces.
 */
public final class MergePatch {

  private MergePatch() {}

  @SuppressWarnings("unchecked")
  public static Object apply(Object target, Object patch) {
    if (!(patch instanceof Map<?, ?> patchMap)) return patch;
    Map<String, Object> result =
        target instanceof Map<?, ?> t
            ? new LinkedHashMap<>((Map<String, Object>) t)
            : new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : ((Map<String, Object>) patchMap).entrySet()) {
      if (entry.getValue() == null) {
        result.remove(entry.getKey());
      } else {
        result.put(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }

  /** The same over an object document. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> applyToObject(
      Map<String, Object> target, Map<String, Object> patch) {
    return (Map<String, Object>) apply(target, patch);
  }
}
