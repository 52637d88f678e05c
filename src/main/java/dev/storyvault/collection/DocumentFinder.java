package dev.storyvault.collection;

import dev.storyvault.document.SqlConditions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a listing: the collection (named literally, so its partial indexes apply), the caller's own
 * documents when the rule says so, the filter, the position after the cursor, the order, a page.
 */
@Component
class DocumentFinder {

  /** A page, and the cursor of the next one (null at the end). */
  record Page(List<CollectionDocument> documents, String nextCursor, Long total) {}

  private static final JsonMapper CURSOR_VALUES = JsonMapper.builder().build();

  private final CollectionDocuments documents;
  private final FieldSql sql;
  private final CollectionJson json;
  private final JdbcClient jdbc;

  DocumentFinder(
      CollectionDocuments documents, FieldSql sql, CollectionJson json, JdbcClient jdbc) {
    this.documents = documents;
    this.sql = sql;
    this.json = json;
    this.jdbc = jdbc;
  }

  Page find(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    Long total = query.total() ? count(where(definition, query, onlyOwner)) : null;
    SqlConditions statement = statement(definition, query, onlyOwner);
    List<CollectionDocument> found = documents.query(statement.sql(), statement.params());
    if (found.size() <= query.limit()) return new Page(found, null, total);
    List<CollectionDocument> page = found.subList(0, query.limit());
    return new Page(page, query.cursorAfter(page.getLast(), json), total);
  }

  /** The whole SELECT of a page (one row more than asked, to know whether another page follows). */
  SqlConditions statement(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    SqlConditions where = where(definition, query, onlyOwner);
    if (query.after() != null) after(query, where);
    where.append(" ORDER BY ");
    for (int i = 0; i < query.sort().size(); i++) {
      DocumentQuery.SortKey key = query.sort().get(i);
      where.append(
          (i > 0 ? ", " : "") + key.target().sql(sql) + key.target().order(sql, key.descending()));
    }
    where.append(" LIMIT ?", query.limit() + 1);
    return new SqlConditions()
        .append(
            "SELECT " + CollectionDocuments.COLUMNS + " FROM collection_documents d" + where.sql(),
            where.params().toArray());
  }

  /** The SQL of a listing without its ORDER BY and LIMIT (for EXPLAIN and for counts). */
  SqlConditions where(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    SqlConditions where =
        new SqlConditions().append(" WHERE d.collection = '" + definition.name() + "'");
    if (onlyOwner != null) where.and("d.owner_id = ?", onlyOwner);
    if (query.filter() != null) {
      where.append(" AND ");
      new FilterCompiler(definition, sql).compile(query.filter(), where);
    }
    return where;
  }

  private Long count(SqlConditions where) {
    return jdbc.sql("SELECT COUNT(*) FROM collection_documents d" + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  /**
   * Keyset: rows strictly after the cursor's values in the sort order, where an absent value sorts
   * first ascending and last descending.
   */
  private void after(DocumentQuery query, SqlConditions where) {
    List<DocumentQuery.SortKey> keys = query.sort();
    List<Object> values = new ArrayList<>();
    for (String part : query.after()) values.add(value(part));
    where.append(" AND (");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) where.append(" OR ");
      where.append("(");
      for (int j = 0; j < i; j++) {
        equal(keys.get(j).target(), values.get(j), where);
        where.append(" AND ");
      }
      beyond(keys.get(i), values.get(i), where);
      where.append(")");
    }
    where.append(")");
  }

  private void equal(Queryable target, Object value, SqlConditions where) {
    if (value == null) where.append(target.sql(sql) + " IS NULL");
    else where.append(target.sql(sql) + " = " + target.placeholder(sql), target.bind(sql, value));
  }

  private void beyond(DocumentQuery.SortKey key, Object value, SqlConditions where) {
    String expression = key.target().sql(sql);
    if (value == null) {
      where.append(key.descending() ? "1 = 0" : expression + " IS NOT NULL");
      return;
    }
    Object bound = key.target().bind(sql, value);
    String placeholder = key.target().placeholder(sql);
    if (key.descending())
      where.append(
          "(" + expression + " < " + placeholder + " OR " + expression + " IS NULL)", bound);
    else where.append(expression + " > " + placeholder, bound);
  }

  private static Object value(String part) {
    try {
      Object value = CURSOR_VALUES.readValue(part, Object.class);
      if (value instanceof java.math.BigDecimal
          || value instanceof Number
          || value instanceof String
          || value instanceof Boolean
          || value == null) return value;
    } catch (RuntimeException e) {
      // refused below
    }
    throw dev.storyvault.document.Cursors.invalid();
  }
}
