package dev.storyvault.story;

import dev.storyvault.document.SqlConditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs listings and searches. Visibility is part of the SQL itself, so no page, count or cursor can
 * ever carry a story the caller may not see.
 */
@Component
class StoryFinder {

  private final JdbcClient jdbc;
  private final StorySearch search;
  private final Stories stories;
  private final StoryIndexer indexer;

  StoryFinder(JdbcClient jdbc, StorySearch search, Stories stories, StoryIndexer indexer) {
    this.indexer = indexer;
    this.jdbc = jdbc;
    this.search = search;
    this.stories = stories;
  }

  /** A page of matches: story ids in order, and the cursor to the next page if there is one. */
  /** One page of a search: the stories' ids in order, and the cursor to the next page (or null). */
  record Found(List<String> ids, StoryQuery.Cursor next) {}

  record Row(String id, Object sortValue) {}

  Found find(Caller caller, StoryQuery q) {
    List<String> terms = q.text() == null ? List.of() : StorySearch.terms(q.text());
    StorySearch.TextMatch match = terms.isEmpty() ? null : search.match(terms, q.tag());
    // why tags too: on PostgreSQL the row's tag list is the index's, refreshed with the text's
    // entry
    if (match != null || q.tag() != null) indexer.catchUp();
    StoryQuery.Sort sort =
        q.sort() == StoryQuery.Sort.RELEVANCE && match == null
            ? StoryQuery.Sort.CREATED_AT
            : q.sort();
    if (q.after() != null && !fits(q.after(), sort)) {
      throw ApiProblem.badRequest(
          "invalid-cursor", "The cursor belongs to another sort order; start again without it.");
    }
    List<Row> rows = null;
    if (match != null && sort == StoryQuery.Sort.CREATED_AT && q.descending()) {
      Long below = q.after() == null ? null : ((Number) q.after().value()).longValue();
      rows =
          search
              .recent(match, below)
              .map(recent -> rows(caller, q, recent, sort))
              .filter(page -> page.size() > q.limit())
              .orElse(null);
    }
    if (rows == null) rows = rows(caller, q, match, sort);
    return page(rows, q, sort);
  }

  /**
   * why: a cursor's value is bound against the sort column, and one from another order has another
   * kind.
   */
  private static boolean fits(StoryQuery.Cursor cursor, StoryQuery.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> cursor.id() == null;
      case TITLE -> cursor.value() instanceof String;
      case CREATED_AT, UPDATED_AT -> cursor.value() instanceof Number;
    };
  }

  private List<Row> rows(
      Caller caller, StoryQuery q, StorySearch.TextMatch match, StoryQuery.Sort sort) {
    SqlConditions sql = new SqlConditions();
    String sortColumn =
        sort == StoryQuery.Sort.RELEVANCE
            ? match.rank()
            : sort == StoryQuery.Sort.CREATED_AT && match != null ? match.newest() : sort.column;
    sql.append(
        "SELECT s.id, "
            + sortColumn
            + " AS sort_value FROM "
            + (match == null ? "stories s" : match.from())
            + " WHERE 1 = 1");
    if (sort == StoryQuery.Sort.RELEVANCE) sql.params().addAll(rankParams(match));
    visibility(sql, caller, q.scope());
    filters(sql, q);
    if (match != null) sql.and(match.condition(), match.conditionParameters().toArray());
    order(sql, q, sort, sortColumn);
    return jdbc.sql(sql.sql())
        .params(sql.params())
        .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2)))
        .list();
  }

  private static List<Object> rankParams(StorySearch.TextMatch match) {
    long marks = match.rank().chars().filter(c -> c == '?').count();
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < marks; i++) params.add(match.parameter());
    return params;
  }

  private static void visibility(SqlConditions sql, Caller caller, StoryQuery.Scope scope) {
    StoryVisibility.Condition condition =
        switch (scope) {
          case MINE -> new StoryVisibility.Condition("s.owner_id = ?", List.of(caller.userId()));
          case SHARED -> StoryVisibility.sharedWith(caller);
          case PUBLIC -> new StoryVisibility.Condition("s.is_public = TRUE", List.of());
          case ALL -> StoryVisibility.readableBy(caller);
        };
    sql.and(condition.sql(), condition.params().toArray());
  }

  private void filters(SqlConditions sql, StoryQuery q) {
    if (q.status() != null) sql.and("s.status = ?", q.status().name());
    if (q.tag() != null) sql.and(search.tagCondition(), q.tag());
    if (q.category() != null) sql.and("s.category = ?", q.category());
    if (q.ownerId() != null) sql.and("s.owner_id = ?", q.ownerId());
    if (q.ageGroup() != null) sql.and("s.age_group = ?", q.ageGroup());
    if (q.createdAfter() != null) sql.and("s.created_at > ?", q.createdAfter().toEpochMilli());
    if (q.createdBefore() != null) sql.and("s.created_at < ?", q.createdBefore().toEpochMilli());
    if (q.updatedAfter() != null) sql.and("s.updated_at > ?", q.updatedAfter().toEpochMilli());
    if (q.updatedBefore() != null) sql.and("s.updated_at < ?", q.updatedBefore().toEpochMilli());
  }

  private static void order(SqlConditions sql, StoryQuery q, StoryQuery.Sort sort, String column) {
    if (sort == StoryQuery.Sort.RELEVANCE) {
      sql.append(
          " ORDER BY sort_value, s.id LIMIT ? OFFSET ?",
          q.limit() + 1,
          q.after() == null ? 0 : q.after().offset());
      return;
    }
    String dir = q.descending() ? "DESC" : "ASC";
    String cmp = q.descending() ? "<" : ">";
    if (sort == StoryQuery.Sort.CREATED_AT) {
      // why one column: doc_number is unique, and a lone rowid order lets FTS5 stream matches under
      // the LIMIT
      if (q.after() != null) sql.and(column + " " + cmp + " ?", q.after().value());
      sql.append(" ORDER BY " + column + " " + dir + " LIMIT ?", q.limit() + 1);
      return;
    }
    if (q.after() != null) {
      sql.and(
          "(" + column + " " + cmp + " ? OR (" + column + " = ? AND s.id " + cmp + " ?))",
          q.after().value(),
          q.after().value(),
          q.after().id());
    }
    sql.append(" ORDER BY " + column + " " + dir + ", s.id " + dir + " LIMIT ?", q.limit() + 1);
  }

  /** The stories of a page, in its order. */
  List<Story> stories(List<String> ids) {
    Map<String, Story> byId =
        stories.findAll(ids).stream().collect(Collectors.toMap(Story::id, Function.identity()));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** The listing entries of a page, in its order, as stored JSON. */
  List<String> listings(List<String> ids) {
    Map<String, String> byId = stories.listings(ids);
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static Found page(List<Row> rows, StoryQuery q, StoryQuery.Sort sort) {
    List<Row> shown = rows.stream().limit(q.limit()).toList();
    List<String> items = shown.stream().map(Row::id).toList();
    if (rows.size() <= q.limit()) return new Found(items, null);
    Row last = shown.getLast();
    StoryQuery.Cursor next =
        sort == StoryQuery.Sort.RELEVANCE
            ? new StoryQuery.Cursor(
                null, null, (q.after() == null ? 0 : q.after().offset()) + q.limit())
            : new StoryQuery.Cursor(last.sortValue(), last.id(), 0);
    return new Found(items, next);
  }
}
