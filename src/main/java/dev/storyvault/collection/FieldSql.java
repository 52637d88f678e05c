package dev.storyvault.collection;

import java.util.List;
import java.util.Map;

/**
 * Where the two databases differ for collections, in one place: how an indexed field reads out of a
 * stored document (the same expression in the index and in every query, so the planner matches
 * them), how a caller's value is bound beside it, how "any element of an array" is asked, and the
 * index statements.
 */
interface FieldSql {

  /** The SQL value of a document's field, typed (the documents' alias is {@code d}). */
  String value(IndexedField field);

  /** The placeholder a caller's value of this type takes, compared with {@link #value}. */
  String placeholder(FieldType type);

  /** What is bound to {@link #placeholder}: a string, number or boolean as the database wants. */
  Object bind(FieldType type, Object value);

  /** A condition true when the array field holds {@code element}, with its bound values. */
  Condition arrayHolds(String collection, IndexedField field, String element);

  /** ORDER BY direction with NULLs (absent fields) first ascending, last descending. */
  String order(boolean descending);

  /**
   * What follows the table in a listing that only sorts, by {@code field} first: a hint to read the
   * field's own index where the planner may otherwise miss it; empty where it needs none.
   */
  default String sortedBy(String collection, IndexedField field) {
    return "";
  }

  /** A condition true when the string {@code expression} contains the bound {@code ?}. */
  String contains(String expression);

  /**
   * A join that keeps the documents whose array field holds {@code element}, when this database
   * keeps array elements in a table ({@code alias} names it); else empty, and {@link #arrayHolds}
   * applies.
   */
  default java.util.Optional<Condition> arrayJoin(
      String collection, IndexedField field, String element, String alias) {
    return java.util.Optional.empty();
  }

  /** The document column as a placeholder for writing a document's JSON text. */
  String documentPlaceholder();

  /** The statement that makes one index over these fields (array fields index alone). */
  List<String> createIndex(String indexName, String collection, List<IndexedField> fields);

  /**
   * The statement that indexes columns every document has ({@code "created_at, id"}) for one
   * collection, where the database needs one per collection; else none.
   */
  default List<String> columnIndex(String indexName, String collection, String columns) {
    return List.of();
  }

  /** Keeps what queries on indexed array fields need, in the document's transaction. */
  void arrayValuesChanged(
      String collection, String documentId, List<IndexedField> arrays, Map<String, Object> data);

  /** Forgets what {@link #arrayValuesChanged} kept for the document. */
  void documentRemoved(String documentId);

  /** A condition with its bound values. */
  record Condition(String sql, List<Object> params) {}
}
