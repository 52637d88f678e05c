package dev.storyvault.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Builds a query's text and its bound values together, so a filter never puts a caller's value into
 * SQL: conditions are fixed text with {@code ?} marks, and what fills them goes to {@link
 * #params()}.
 */
public final class SqlConditions {

  private final StringBuilder text = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  /** Fixed SQL (never a caller's value). */
  public SqlConditions append(String sql, Object... values) {
    text.append(sql);
    params.addAll(List.of(values));
    return this;
  }

  /** {@code AND <condition>} with its values. */
  public SqlConditions and(String condition, Object... values) {
    return append(" AND " + condition, values);
  }

  /** {@code AND <column> IN (?, …)}; with no values, a condition that matches nothing. */
  public SqlConditions andIn(String column, Collection<?> values) {
    if (values.isEmpty()) return append(" AND 1 = 0");
    text.append(" AND ")
        .append(column)
        .append(" IN (")
        .append(String.join(", ", Collections.nCopies(values.size(), "?")))
        .append(')');
    params.addAll(values);
    return this;
  }

  public String sql() {
    return text.toString();
  }

  public List<Object> params() {
    return params;
  }
}
