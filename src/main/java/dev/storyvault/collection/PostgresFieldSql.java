package dev.storyvault.collection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL: btree expression indexes on the collection and the typed {@code #>>} value (strings
 * in the "C" collation, so order is the same as on SQLite: by code point); arrays through a GIN
 * {@code jsonb_path_ops} index on the array and {@code @>}.
 */
final class PostgresFieldSql implements FieldSql {

  private final CollectionJson json;

  PostgresFieldSql(CollectionJson json) {
    this.json = json;
  }

  @Override
  public String value(IndexedField field) {
    return value(field, "d.document");
  }

  private String value(IndexedField field, String column) {
    String path = "'{" + String.join(",", field.segments()) + "}'";
    String raw = "(" + column + " #>> " + path + ")";
    return switch (field.type()) {
      case STRING -> "(" + raw + " COLLATE \"C\")";
      case STRING_ARRAY -> "(" + column + " #> " + path + ")";
      case NUMBER -> "(" + raw + "::numeric)";
      case BOOLEAN -> "(" + raw + "::boolean)";
      case DATE_TIME -> "sv_instant" + raw;
    };
  }

  @Override
  public String placeholder(FieldType type) {
    return switch (type) {
      case STRING, STRING_ARRAY -> "CAST(? AS text)";
      case NUMBER -> "CAST(? AS numeric)";
      case BOOLEAN -> "CAST(? AS boolean)";
      case DATE_TIME -> "sv_instant(CAST(? AS text))";
    };
  }

  @Override
  public Object bind(FieldType type, Object value) {
    if (value instanceof Number n && !(value instanceof BigDecimal))
      return new BigDecimal(n.toString());
    return value;
  }

  @Override
  public Condition arrayHolds(String collection, IndexedField field, String element) {
    return new Condition(
        value(field) + " @> CAST(? AS jsonb)", List.of(json.write(List.of(element))));
  }

  // why explicit: SQLite sorts NULL first ascending and last descending; PostgreSQL the reverse
  @Override
  public String order(boolean descending) {
    return descending ? " DESC NULLS LAST" : " ASC NULLS FIRST";
  }

  @Override
  public String contains(String expression) {
    return "strpos(" + expression + ", ?) > 0";
  }

  @Override
  public String documentPlaceholder() {
    return "CAST(? AS jsonb)";
  }

  /**
   * why not partial, as on SQLite: PostgreSQL keeps no statistics for the expressions of partial
   * indexes, so it guessed every filter on an indexed field matched 0.5 % of the rows and chose
   * plans 200 times slower than the one it chooses with statistics; the collection leads instead.
   */
  @Override
  public List<String> createIndex(String indexName, String collection, List<IndexedField> fields) {
    if (fields.getFirst().isArray())
      return List.of(
          "CREATE INDEX IF NOT EXISTS "
              + indexName
              + " ON collection_documents USING gin ("
              + value(fields.getFirst(), "document")
              + " jsonb_path_ops)"
              // why no fast update: rows added since the last vacuum wait in a pending list that
              // every query scans and the planner prices high, so queries after a bulk load
              // turned to other plans; catalogs are read far more than written
              + " WITH (fastupdate = off)");
    String columns =
        fields.stream()
            .map(f -> value(f, "document") + " NULLS FIRST")
            .collect(Collectors.joining(", "));
    return List.of(
        "CREATE INDEX IF NOT EXISTS "
            + indexName
            + " ON collection_documents (collection, "
            + columns
            + ", id)");
  }

  @Override
  public void arrayValuesChanged(
      String collection, String documentId, List<IndexedField> arrays, Map<String, Object> data) {}

  @Override
  public void documentRemoved(String documentId) {}
}
