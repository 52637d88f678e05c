package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The type of an indexed field: what its values must be, so that its index can be typed. */
enum FieldType {
  STRING("string"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  DATE_TIME("date-time"),
  STRING_ARRAY("string_array");

  private final String wireName;

  FieldType(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static FieldType fromWire(String name, String where) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    "invalid-collection",
                    where
                        + ": unknown type '"
                        + name
                        + "'; use one of string, number, boolean, date-time, string_array."));
  }

  /** Whether a stored value (from JSON) fits this type; absent and null always fit. */
  boolean accepts(Object value) {
    if (value == null) return true;
    return switch (this) {
      case STRING -> value instanceof String;
      case NUMBER -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case DATE_TIME -> value instanceof String s && isInstant(s);
      case STRING_ARRAY ->
          value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    };
  }

  String expected() {
    return switch (this) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case DATE_TIME -> "an RFC 3339 date-time with an offset (2026-12-02T10:00:00Z)";
      case STRING_ARRAY -> "an array of strings";
    };
  }

  /** why an offset is required: without one the instant would depend on a time zone setting. */
  static boolean isInstant(String text) {
    try {
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
