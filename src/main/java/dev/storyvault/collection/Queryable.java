package dev.storyvault.collection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A name a filter or sort may use: a declared indexed field, or one of the columns every document
 * has ({@code id}, {@code owner_id}, {@code created_at}), each with its SQL and how a caller's
 * value is bound beside it.
 */
record Queryable(String name, FieldType type, IndexedField field) {

  static final List<String> COLUMNS = List.of("id", "owner_id", "created_at");

  static Queryable column(String name) {
    return new Queryable(
        name, name.equals("created_at") ? FieldType.DATE_TIME : FieldType.STRING, null);
  }

  static Queryable of(IndexedField field) {
    return new Queryable(field.path(), field.type(), field);
  }

  boolean isColumn() {
    return field == null;
  }

  String sql(FieldSql sql) {
    return isColumn() ? "d." + name : sql.value(field);
  }

  /** why plain for columns: they are never null, and indexes list them without a NULLS clause. */
  String order(FieldSql sql, boolean descending) {
    if (isColumn()) return descending ? " DESC" : " ASC";
    return sql.order(descending);
  }

  String placeholder(FieldSql sql) {
    return isColumn() ? "?" : sql.placeholder(type);
  }

  /** A caller's (or a cursor's) value, checked already, as bound. */
  Object bind(FieldSql sql, Object value) {
    if (name.equals("created_at") && value instanceof String text)
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    return isColumn() ? value : sql.bind(type, value);
  }

  /** This field's value in a listed document, for the next page's cursor. */
  Object valueOf(CollectionDocument document) {
    if (!isColumn()) return field.valueIn(document.data());
    return switch (name) {
      case "id" -> document.id();
      case "owner_id" -> document.ownerId();
      default -> document.createdAt().toEpochMilli();
    };
  }
}
