package dev.storyvault.backup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies the rows of an embedded (SQLite) database into a PostgreSQL one of the same schema
 * version, table by table through {@code COPY … FROM STDIN}: ids, versions and times are kept as
 * they are. Only tables and columns both databases have are copied; what exists on one side only
 * (SQLite's full-text tables and array element table, PostgreSQL's search vectors) is derived data
 * that the modules rebuild afterwards. Values are converted by the target column's type: SQLite
 * keeps booleans as 0/1 and the scheduler's and event registry's times as epoch milliseconds.
 */
final class SqliteIntoPostgres {

  /** Rows that belong to the running process, not to the installation. */
  /**
   * why not the index queue: PostgreSQL indexes stories in their writes, and the search index is
   * rebuilt from every story after the copy.
   */
  private static final List<String> NOT_COPIED =
      List.of("flyway_schema_history", "cluster_leases", "story_index_queue");

  private static final int BUFFER = 1 << 16;

  private SqliteIntoPostgres() {}

  /**
   * Copies every table of {@code order} that the source has, in that order (referenced tables
   * first); the rows copied per table. The caller holds the target's transaction.
   */
  static Map<String, Long> copy(Connection source, Connection target, List<String> order)
      throws SQLException {
    Map<String, Long> copied = new TreeMap<>();
    for (String table : order) {
      if (NOT_COPIED.contains(table)) continue;
      Map<String, String> sourceColumns = sourceColumns(source, table);
      if (sourceColumns.isEmpty()) continue;
      Map<String, String> targetTypes = targetTypes(target, table);
      List<String> columns = new ArrayList<>(targetTypes.keySet());
      columns.retainAll(sourceColumns.keySet());
      copied.put(table, copyTable(source, target, table, columns, targetTypes));
    }
    return copied;
  }

  /** The tables of {@code order} copied by {@link #copy}: those a count comparison applies to. */
  static boolean isCopied(String table) {
    return !NOT_COPIED.contains(table);
  }

  private static long copyTable(
      Connection source,
      Connection target,
      String table,
      List<String> columns,
      Map<String, String> types)
      throws SQLException {
    String list = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
    CopyIn in =
        target
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY \"" + table + "\" (" + list + ") FROM STDIN");
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + list + " FROM \"" + table + "\"")) {
      StringBuilder rows = new StringBuilder(BUFFER);
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) rows.append('\t');
          appendValue(rows, rs.getObject(i + 1), types.get(columns.get(i)));
        }
        rows.append('\n');
        if (rows.length() >= BUFFER) flush(in, rows);
      }
      flush(in, rows);
      return in.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
  }

  private static void flush(CopyIn in, StringBuilder rows) throws SQLException {
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    rows.setLength(0);
  }

  /** One value in COPY's text format: {@code \N} for null, backslash escapes inside text. */
  static void appendValue(StringBuilder out, Object value, String type) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    switch (type) {
      case "bool" -> out.append(truth(value) ? 't' : 'f');
      case "timestamptz", "timestamp" ->
          escaped(
              out,
              value instanceof Number n
                  ? Instant.ofEpochMilli(n.longValue()).toString()
                  : text(value));
      case "bytea" -> out.append("\\\\x").append(HexFormat.of().formatHex(bytes(value)));
      default -> escaped(out, text(value));
    }
  }

  private static boolean truth(Object value) {
    if (value instanceof Number n) return n.longValue() != 0;
    String text = text(value).trim().toLowerCase();
    return text.equals("1") || text.equals("true") || text.equals("t");
  }

  private static String text(Object value) {
    return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
  }

  private static byte[] bytes(Object value) {
    return value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void escaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static Map<String, String> sourceColumns(Connection source, String table)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
      while (rs.next()) columns.put(rs.getString("name").toLowerCase(), rs.getString("type"));
    }
    return columns;
  }

  private static Map<String, String> targetTypes(Connection target, String table)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (var s =
        target.prepareStatement(
            "SELECT column_name, udt_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) types.put(rs.getString(1), rs.getString(2));
      }
    }
    return types;
  }
}
