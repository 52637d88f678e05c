package dev.storyvault.collection;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The asset ids a document holds in its declared asset fields, each with its JSON path ({@code
 * $.abilities[2].effect_asset_id}); a {@code *} segment walks every element of an array.
 */
final class AssetFields {

  private AssetFields() {}

  /** Calls {@code found} with (path, value) for every value at the declared paths. */
  static void forEach(
      CollectionDefinition definition, Map<String, Object> data, BiConsumer<String, Object> found) {
    for (String path : definition.assetFields()) {
      walk(data, List.of(path.split("\\.")), 0, "$", found);
    }
  }

  private static void walk(
      Object at, List<String> segments, int index, String path, BiConsumer<String, Object> found) {
    if (index == segments.size()) {
      if (at != null) found.accept(path, at);
      return;
    }
    String segment = segments.get(index);
    if (segment.equals("*")) {
      if (!(at instanceof List<?> list)) return;
      for (int i = 0; i < list.size(); i++)
        walk(list.get(i), segments, index + 1, path + "[" + i + "]", found);
    } else if (at instanceof Map<?, ?> map) {
      walk(map.get(segment), segments, index + 1, path + "." + segment, found);
    }
  }
}
