package dev.storyvault.story;

import dev.storyvault.document.Cursors;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a listing's query parameters into a {@link StoryQuery}; writes and reads its opaque
 * cursors.
 */
final class StoryQueryParser {

  private StoryQueryParser() {}

  static StoryQuery parse(Caller caller, Map<String, String> p) {
    int limit = integer(p.getOrDefault("limit", "20"));
    if (limit < 1 || limit > 100)
      throw ApiProblem.badRequest("invalid-limit", "limit must be between 1 and 100.");
    String text = p.get("q");
    if (text != null && text.length() > 500)
      throw ApiProblem.badRequest("invalid-query", "q has at most 500 characters.");
    // why newest first by default, also for searches: it is what a library shows, and it streams
    // from the
    // index with a LIMIT; relevance ranks every match first and is there when asked for
    StoryQuery.Sort sort = sort(p.getOrDefault("sort", "created_at"));
    boolean descending =
        !"asc"
            .equalsIgnoreCase(
                p.getOrDefault("order", sort == StoryQuery.Sort.TITLE ? "asc" : "desc"));
    return new StoryQuery(
        scope(caller, p.get("scope")),
        text,
        p.get("status") == null ? null : StoryStatus.parse(p.get("status")),
        p.get("tag") == null ? null : Tags.normalize(p.get("tag"), "tag"),
        p.get("category") == null ? null : Tags.normalize(p.get("category"), "category"),
        p.get("owner_id"),
        p.get("age_group"),
        instant(p, "created_after"),
        instant(p, "created_before"),
        instant(p, "updated_after"),
        instant(p, "updated_before"),
        sort,
        descending,
        decode(p.get("cursor")),
        limit);
  }

  private static StoryQuery.Scope scope(Caller caller, String value) {
    if (caller.isAnonymous()) {
      if (value != null && !value.equalsIgnoreCase("public")) {
        throw ApiProblem.unauthorized("Only scope=public is open without a credential.");
      }
      return StoryQuery.Scope.PUBLIC;
    }
    try {
      return value == null
          ? StoryQuery.Scope.MINE
          : StoryQuery.Scope.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid-scope", "scope is mine, shared, public or all.");
    }
  }

  private static StoryQuery.Sort sort(String value) {
    try {
      return StoryQuery.Sort.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          "invalid-sort", "sort is created_at, updated_at, title or relevance.");
    }
  }

  /**
   * An offset ({@code o}), or a sort value that is a number ({@code n}) or text ({@code s}) and the
   * id after it.
   */
  static String encode(StoryQuery.Cursor cursor) {
    if (cursor.id() == null) return Cursors.encode(List.of("o", String.valueOf(cursor.offset())));
    boolean number = cursor.value() instanceof Number;
    String value =
        number
            ? String.valueOf(((Number) cursor.value()).longValue())
            : String.valueOf(cursor.value());
    return Cursors.encode(List.of(number ? "n" : "s", value, cursor.id()));
  }

  private static StoryQuery.Cursor decode(String cursor) {
    if (cursor == null) return null;
    List<String> parts = Cursors.decode(cursor);
    try {
      return switch (parts.getFirst()) {
        case "o" -> new StoryQuery.Cursor(null, null, Integer.parseInt(parts.get(1)));
        case "n" -> new StoryQuery.Cursor(Long.parseLong(parts.get(1)), parts.get(2), 0);
        case "s" -> new StoryQuery.Cursor(parts.get(1), parts.get(2), 0);
        default -> throw Cursors.invalid();
      };
    } catch (RuntimeException e) {
      throw Cursors.invalid();
    }
  }

  private static Instant instant(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null) return null;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          "invalid-time", name + " must be an RFC 3339 time such as 2026-01-31T12:00:00Z.");
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("invalid-limit", "limit must be a whole number.");
    }
  }
}
