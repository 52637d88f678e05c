package dev.storyvault.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows as column → value maps, and back: what a module keeps of a deleted item while it is in the
 * trash (its own rows, as they were), written back on restore.
 */
public final class Rows {

  private Rows() {}

  /** The rows {@code sql} selects, each as its columns in order. */
  public static List<Map<String, Object>> capture(JdbcClient jdbc, String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              var meta = rs.getMetaData();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                // why text: PostgreSQL hands jsonb as a driver object
                if (value != null
                    && !(value instanceof Number)
                    && !(value instanceof Boolean)
                    && !(value instanceof String)) value = rs.getString(i);
                row.put(meta.getColumnLabel(i).toLowerCase(), value);
              }
              return row;
            })
        .list();
  }

  /**
   * Inserts {@code row} into {@code table}; {@code placeholders} overrides the {@code ?} of a
   * column (a cast such as {@code ?::jsonb}).
   */
  public static void insert(
      JdbcClient jdbc, String table, Map<String, Object> row, Map<String, String> placeholders) {
    List<String> columns = new ArrayList<>(row.keySet());
    List<String> marks = columns.stream().map(c -> placeholders.getOrDefault(c, "?")).toList();
    jdbc.sql(
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", marks)
                + ")")
        .params(new ArrayList<>(row.values()))
        .update();
  }

  public static void insert(JdbcClient jdbc, String table, Map<String, Object> row) {
    insert(jdbc, table, row, Map.of());
  }
}
