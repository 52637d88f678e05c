package dev.storyvault.collection;

import dev.storyvault.document.Cursors;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A listing request: {@code filter}, {@code sort}, {@code cursor}, {@code limit}, {@code fields},
 * {@code total}. Every name is checked against the collection's declaration here, so what reaches
 * SQL is a declared field or a column.
 */
record DocumentQuery(
    Filter filter,
    List<SortKey> sort,
    List<String> after,
    int limit,
    List<String> fields,
    boolean total) {

  record SortKey(Queryable target, boolean descending) {
    String spec() {
      return (descending ? "-" : "") + target.name();
    }
  }

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;
  private static final Set<String> PARAMETERS =
      Set.of("filter", "sort", "cursor", "limit", "fields", "total");
  private static final Pattern FIELD = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

  static DocumentQuery parse(CollectionDefinition definition, Map<String, String> parameters) {
    parameters.keySet().stream()
        .filter(p -> !PARAMETERS.contains(p))
        .findFirst()
        .ifPresent(
            p -> {
              throw invalid(p + ": unknown parameter; use " + String.join(", ", PARAMETERS) + ".");
            });
    String filterText = parameters.get("filter");
    Filter filter =
        filterText == null || filterText.isBlank() ? null : FilterParser.parse(filterText);
    List<SortKey> sort = sort(definition, parameters.getOrDefault("sort", "id"));
    String cursor = parameters.get("cursor");
    return new DocumentQuery(
        filter,
        sort,
        cursor == null ? null : after(cursor, sort),
        limit(parameters.get("limit")),
        fields(parameters.get("fields")),
        "true".equals(parameters.get("total")));
  }

  /** The target of a filter's or sort's name: a column, or a declared indexed field. */
  static Queryable target(CollectionDefinition definition, String name) {
    if (Queryable.COLUMNS.contains(name)) return Queryable.column(name);
    return definition
        .field(name)
        .map(Queryable::of)
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    "unknown-field",
                    "'"
                        + abbreviated(name)
                        + "' is not an indexed field of '"
                        + definition.name()
                        + "'; filter and sort on "
                        + String.join(", ", names(definition))
                        + "."));
  }

  private static List<String> names(CollectionDefinition definition) {
    List<String> names = new ArrayList<>(Queryable.COLUMNS);
    definition.indexedFields().forEach(f -> names.add(f.path()));
    return names;
  }

  private static List<SortKey> sort(CollectionDefinition definition, String spec) {
    List<SortKey> keys = new ArrayList<>();
    String[] parts = spec.split(",", -1);
    if (parts.length > 4) throw invalid("sort: at most 4 fields.");
    for (String part : parts) {
      String name = part.trim();
      boolean descending = name.startsWith("-");
      if (descending || name.startsWith("+")) name = name.substring(1);
      Queryable target = target(definition, name);
      if (target.type() == FieldType.STRING_ARRAY)
        throw invalid("sort: '" + name + "' is an array; sort on a single value.");
      if (keys.stream().anyMatch(k -> k.target().name().equals(target.name())))
        throw invalid("sort: '" + name + "' is listed twice.");
      keys.add(new SortKey(target, descending));
    }
    // why id last: a page must end at one document, so equal values need a tie-breaker
    if (!keys.getLast().target().name().equals("id"))
      keys.add(new SortKey(Queryable.column("id"), keys.getLast().descending()));
    return List.copyOf(keys);
  }

  private static List<String> after(String cursor, List<SortKey> sort) {
    List<String> parts = Cursors.decode(cursor);
    String spec = String.join(",", sort.stream().map(SortKey::spec).toList());
    if (parts.size() != sort.size() + 1 || !parts.getFirst().equals(spec)) throw Cursors.invalid();
    return parts.subList(1, parts.size());
  }

  String cursorAfter(CollectionDocument last, CollectionJson json) {
    List<String> parts = new ArrayList<>();
    parts.add(String.join(",", sort.stream().map(SortKey::spec).toList()));
    sort.forEach(key -> parts.add(json.write(key.target().valueOf(last))));
    return Cursors.encode(parts);
  }

  private static int limit(String text) {
    if (text == null) return DEFAULT_LIMIT;
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) return limit;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid("limit: a whole number from 1 to " + MAX_LIMIT + ".");
  }

  private static List<String> fields(String text) {
    if (text == null || text.isBlank()) return List.of();
    List<String> fields = List.of(text.split(","));
    if (fields.size() > 32) throw invalid("fields: at most 32.");
    for (String field : fields) {
      if (!FIELD.matcher(field).matches())
        throw invalid("fields: '" + abbreviated(field) + "' is not a field name.");
    }
    return fields;
  }

  static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }

  static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid-query", detail);
  }
}
