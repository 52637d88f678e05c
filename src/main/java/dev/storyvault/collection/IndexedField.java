package dev.storyvault.collection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A field that filters and sorts may use: its dotted path in the document and its type. */
record IndexedField(String path, FieldType type) {

  List<String> segments() {
    return Arrays.asList(path.split("\\."));
  }

  /** The value at this path in a document (null when absent). */
  Object valueIn(Map<String, Object> document) {
    Object at = document;
    for (String segment : segments()) {
      if (!(at instanceof Map<?, ?> map)) return null;
      at = map.get(segment);
    }
    return at;
  }

  boolean isArray() {
    return type == FieldType.STRING_ARRAY;
  }
}
