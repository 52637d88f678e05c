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
  record Page(List<DocumentRow> documents, String nextCursor, Long total) {}

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
    Long total = query.total() ? count(from(definition, query, onlyOwner)) : null;
    SqlConditions statement = statement(definition, query, onlyOwner);
    List<DocumentRow> found = documents.rows(statement.sql(), statement.params());
    if (found.size() <= query.limit()) return new Page(found, null, total);
    List<DocumentRow> page = found.subList(0, query.limit());
    return new Page(page, query.cursorAfter(page.getLast().parsed(json), json), total);
  }

  /** The whole SELECT of a page (one row more than asked, to know whether another page follows). */
  SqlConditions statement(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    SqlConditions where = from(definition, query, onlyOwner, hint(definition, query, onlyOwner));
    if (query.after() != null) after(query, where);
    where.append(" ORDER BY ");
    for (int i = 0; i < query.sort().size(); i++) {
      DocumentQuery.SortKey key = query.sort().get(i);
      where.append(
          (i > 0 ? ", " : "") + key.target().sql(sql) + key.target().order(sql, key.descending()));
    }
    where.append(" LIMIT ?", query.limit() + 1);
    return new SqlConditions()
        .append("SELECT " + CollectionDocuments.COLUMNS + where.sql(), where.params().toArray());
  }

  /**
   * The FROM and WHERE of a listing (no ORDER BY or LIMIT; also for counts). Array conditions that
   * every match must meet become joins where the database has a table of elements (SQLite), so the
   * planner may start from the elements when they are rare, or check each row of the sort's index
   * when they are common.
   */
  SqlConditions from(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    return from(definition, query, onlyOwner, "");
  }

  /** A listing that only sorts, by an indexed field first, reads that field's index. */
  private String hint(CollectionDefinition definition, DocumentQuery query, String onlyOwner) {
    if (query.filter() != null || onlyOwner != null || query.sort().isEmpty()) return "";
    Queryable first = query.sort().getFirst().target();
    return first.isColumn() ? "" : sql.sortedBy(definition.name(), first.field());
  }

  private SqlConditions from(
      CollectionDefinition definition, DocumentQuery query, String onlyOwner, String hint) {
    SqlConditions out = new SqlConditions().append(" FROM collection_documents d" + hint);
    List<Filter> rest = new ArrayList<>();
    for (Filter part : conjuncts(query.filter())) {
      FieldSql.Condition join = join(definition, part, out.params().size());
      if (join == null) rest.add(part);
      else out.append(join.sql(), join.params().toArray());
    }
    out.append(" WHERE d.collection = '" + definition.name() + "'");
    if (onlyOwner != null) out.and("d.owner_id = ?", onlyOwner);
    FilterCompiler compiler = new FilterCompiler(definition, sql);
    for (Filter part : rest) {
      out.append(" AND ");
      compiler.compile(part, out);
    }
    return out;
  }

  private static List<Filter> conjuncts(Filter filter) {
    if (filter == null) return List.of();
    return filter instanceof Filter.And and ? and.parts() : List.of(filter);
  }

  private FieldSql.Condition join(CollectionDefinition definition, Filter part, int index) {
    if (!(part instanceof Filter.Comparison c)
        || c.operator() != Filter.Operator.ANY_EQUALS
        || !(c.value() instanceof String element)) return null;
    return definition
        .field(c.field())
        .filter(IndexedField::isArray)
        .flatMap(field -> sql.arrayJoin(definition.name(), field, element, "v" + index))
        .orElse(null);
  }

  private Long count(SqlConditions where) {
    return jdbc.sql("SELECT COUNT(*)" + where.sql())
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
      if (value == null
          || value instanceof Number
          || value instanceof String
          || value instanceof Boolean) return value;
    } catch (RuntimeException e) {
      // refused below
    }
    throw dev.storyvault.document.Cursors.invalid();
  }
}
