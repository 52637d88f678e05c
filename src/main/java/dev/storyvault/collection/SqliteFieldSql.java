package dev.storyvault.collection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQLite: {@code json_extract} expression indexes, partial on the collection; date-times compare as
 * Julian days; array elements live in {@code collection_array_values} (SQLite cannot index inside a
 * JSON array).
 */
final class SqliteFieldSql implements FieldSql {

  private final JdbcClient jdbc;

  SqliteFieldSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * why a hint: without statistics SQLite weighed a look-up per row of the field's index against a
   * scan and a sort, and as the table grew (hundreds of collections in one table) it chose the scan
   * and sorted the whole collection for a page of 20. The field's partial index always exists and
   * always applies (its WHERE is the listing's).
   */
  @Override
  public String sortedBy(String collection, IndexedField field) {
    if (field.isArray()) return "";
    return " INDEXED BY "
        + CollectionIndexes.name(collection, field.path() + ":" + field.type().wireName());
  }

  @Override
  public String value(IndexedField field) {
    return value(field, "d.document");
  }

  private String value(IndexedField field, String column) {
    String raw = "json_extract(" + column + ", '$." + field.path() + "')";
    return field.type() == FieldType.DATE_TIME ? "julianday(" + raw + ")" : raw;
  }

  @Override
  public String placeholder(FieldType type) {
    return type == FieldType.DATE_TIME ? "julianday(?)" : "?";
  }

  @Override
  public Object bind(FieldType type, Object value) {
    if (value instanceof Boolean b) return b ? 1 : 0;
    if (value instanceof java.math.BigDecimal n)
      return n.scale() <= 0 && n.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0
          ? (Object) n.longValueExact()
          : (Object) n.doubleValue();
    return value;
  }

  /**
   * why EXISTS and not IN: an IN list is built from every element row before the first document is
   * looked at (20 ms at 100,000 documents); a correlated check is one primary-key lookup per row.
   */
  @Override
  public Condition arrayHolds(String collection, IndexedField field, String element) {
    return new Condition(
        "EXISTS (SELECT 1 FROM collection_array_values v WHERE v.collection = ? AND v.field = ?"
            + " AND v.value = ? AND v.document_id = d.id)",
        List.of(collection, field.path(), element));
  }

  @Override
  public java.util.Optional<Condition> arrayJoin(
      String collection, IndexedField field, String element, String alias) {
    return java.util.Optional.of(
        new Condition(
            " JOIN collection_array_values "
                + alias
                + " ON "
                + alias
                + ".document_id = d.id AND "
                + alias
                + ".collection = ? AND "
                + alias
                + ".field = ? AND "
                + alias
                + ".value = ?",
            List.of(collection, field.path(), element)));
  }

  @Override
  public String order(boolean descending) {
    return descending ? " DESC" : " ASC";
  }

  @Override
  public String contains(String expression) {
    return "instr(" + expression + ", ?) > 0";
  }

  @Override
  public String documentPlaceholder() {
    return "?";
  }

  @Override
  public List<String> createIndex(String indexName, String collection, List<IndexedField> fields) {
    if (fields.getFirst().isArray()) return List.of();
    String columns =
        fields.stream().map(f -> value(f, "document")).collect(Collectors.joining(", "));
    return List.of(
        "CREATE INDEX IF NOT EXISTS "
            + indexName
            + " ON collection_documents ("
            + columns
            + ", id) WHERE collection = '"
            + collection
            + "'");
  }

  @Override
  public List<String> columnIndex(String indexName, String collection, String columns) {
    return List.of(
        "CREATE INDEX IF NOT EXISTS "
            + indexName
            + " ON collection_documents ("
            + columns
            + ") WHERE collection = '"
            + collection
            + "'");
  }

  @Override
  public void arrayValuesChanged(
      String collection, String documentId, List<IndexedField> arrays, Map<String, Object> data) {
    documentRemoved(documentId);
    for (IndexedField field : arrays) {
      if (!(field.valueIn(data) instanceof List<?> elements)) continue;
      for (Object element : new LinkedHashSet<>(elements)) {
        jdbc.sql(
                "INSERT INTO collection_array_values (collection, field, value, document_id) VALUES (?, ?, ?, ?)")
            .params(collection, field.path(), element, documentId)
            .update();
      }
    }
  }

  @Override
  public void documentRemoved(String documentId) {
    jdbc.sql("DELETE FROM collection_array_values WHERE document_id = ?")
        .param(documentId)
        .update();
  }
}
