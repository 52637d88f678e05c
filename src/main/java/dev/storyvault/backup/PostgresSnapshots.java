package dev.storyvault.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PostgreSQL: every table of the schema exported with {@code COPY … TO STDOUT} inside one read-only
 * repeatable-read transaction (one consistent instant), into a zip of one entry per table. Chosen
 * over {@code pg_dump} because it needs no client binary of the server's exact version on the
 * machine that runs StoryVault, and reads through the same connection settings.
 */
final class PostgresSnapshots implements DatabaseSnapshots {

  private static final String SUFFIX = ".copy";

  /** Every sequence's state ({@code name, last_value, is_called}, tab-separated lines). */
  private static final String SEQUENCES = "sequences.tsv";

  private final DataSource dataSource;

  PostgresSnapshots(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String database() {
    return "postgresql";
  }

  /** An embedded installation's snapshot too: that is how embedded moves to scale-out. */
  @Override
  public boolean accepts(String database) {
    return database.equals("postgresql") || database.equals("sqlite");
  }

  @Override
  public Facts take(Path file) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      try {
        Map<String, Long> counts = new TreeMap<>();
        try (ZipOutputStream zip =
            new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
          for (String table : tables(c)) {
            zip.putNextEntry(new ZipEntry(table + SUFFIX));
            counts.put(
                table,
                c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY \"" + table + "\" TO STDOUT", uncloseable(zip)));
            zip.closeEntry();
          }
          zip.putNextEntry(new ZipEntry(SEQUENCES));
          zip.write(sequences(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          zip.closeEntry();
        }
        Facts facts =
            new Facts(SnapshotRows.schemaVersion(c, "TRUE"), counts, SnapshotRows.blobs(c));
        c.commit();
        return facts;
      } catch (SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("The database could not be exported: " + e.getMessage(), e);
    }
  }

  /**
   * Loads every entry into a scratch schema made for the check (a table like the live one, without
   * its constraints), so each value must parse as its column's type; counts the rows. All of it in
   * one transaction that is rolled back: the scratch schema never outlives the check.
   */
  @Override
  public Map<String, Long> inspect(Path file) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<String> live = tables(c);
        String scratch = scratchSchema(c);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
          for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.equals(SEQUENCES)) continue;
            String table =
                name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
            if (!TABLE.matcher(table).matches())
              throw new IOException(
                  "The database snapshot holds an unexpected entry '" + name + "'.");
            counts.put(table, live.contains(table) ? load(c, scratch, table, zip) : lines(zip));
          }
        } catch (java.util.zip.ZipException e) {
          throw new IOException("The database snapshot is damaged: " + e.getMessage(), e);
        }
      } catch (SQLException e) {
        throw new IOException("The database snapshot does not load: " + e.getMessage(), e);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
    return counts;
  }

  private static final java.util.regex.Pattern TABLE =
      java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static String scratchSchema(Connection c) throws SQLException {
    String scratch =
        "sv_verify_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + scratch);
    }
    return scratch;
  }

  private static long load(Connection c, String scratch, String table, InputStream rows)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + scratch
              + ".\""
              + table
              + "\" (LIKE \""
              + table
              + "\" INCLUDING DEFAULTS)");
    }
    return c.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "COPY " + scratch + ".\"" + table + "\" FROM STDIN",
            new java.io.FilterInputStream(rows) {
              @Override
              public void close() {}
            });
  }

  /**
   * In one transaction: empties every table but Flyway's history, copies each table back in an
   * order that puts a referenced table before the tables that reference it, and moves every
   * sequence past the largest value restored. An embedded (SQLite) snapshot is copied row by row
   * ({@link SqliteIntoPostgres}); what only PostgreSQL keeps is rebuilt afterwards.
   */
  @Override
  public void restore(Path file, String database) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<String> order = emptied(c);
        if (database.equals("sqlite")) {
          try (Connection source = SqliteSnapshots.open(file)) {
            SqliteIntoPostgres.copy(source, c, order);
          }
        } else {
          copyIn(c, order, file);
        }
        c.commit();
      } catch (SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("The snapshot could not be restored: " + e.getMessage(), e);
    }
  }

  /** Empties every table but Flyway's history; the tables, referenced ones first. */
  private static List<String> emptied(Connection c) throws SQLException {
    List<String> tables = tables(c);
    tables.remove("flyway_schema_history");
    try (Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE "
              + String.join(", ", tables.stream().map(t -> "\"" + t + "\"").toList())
              + " CASCADE");
    }
    return referencedFirst(c, tables);
  }

  private static void copyIn(Connection c, List<String> order, Path file)
      throws IOException, SQLException {
    Map<String, Path> entries = unzip(file);
    try {
      Path sequenceFile = entries.get(SEQUENCES);
      if (sequenceFile != null) restoreSequences(c, Files.readAllLines(sequenceFile));
      for (String table : order) {
        Path entry = entries.get(table);
        if (entry == null) continue;
        try (InputStream in = Files.newInputStream(entry)) {
          c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY \"" + table + "\" FROM STDIN", in);
        }
      }
    } finally {
      for (Path entry : entries.values()) Files.deleteIfExists(entry);
    }
  }

  @Override
  public Map<String, Long> liveCounts() throws IOException {
    try (Connection c = dataSource.getConnection()) {
      Map<String, Long> counts = new TreeMap<>();
      for (String table : tables(c)) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public String liveSchemaVersion() throws IOException {
    try (Connection c = dataSource.getConnection()) {
      return SnapshotRows.schemaVersion(c, "TRUE");
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Map<String, Path> unzip(Path file) throws IOException {
    Map<String, Path> entries = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (!name.equals(SEQUENCES) && (!name.endsWith(SUFFIX) || name.contains("/")))
          throw new IOException("The database snapshot holds an unexpected entry '" + name + "'.");
        Path out = Files.createTempFile("storyvault-restore-", SUFFIX);
        Files.copy(zip, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        entries.put(
            name.equals(SEQUENCES) ? name : name.substring(0, name.length() - SUFFIX.length()),
            out);
      }
    }
    return entries;
  }

  /** The tables ordered so that each comes after every table its foreign keys point at. */
  private static List<String> referencedFirst(Connection c, List<String> tables)
      throws SQLException {
    Map<String, java.util.Set<String>> needs = new TreeMap<>();
    tables.forEach(t -> needs.put(t, new java.util.TreeSet<>()));
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                    + " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")) {
      while (rs.next()) {
        String child = unqualified(rs.getString(1));
        String parent = unqualified(rs.getString(2));
        if (needs.containsKey(child) && !child.equals(parent)) needs.get(child).add(parent);
      }
    }
    List<String> order = new ArrayList<>();
    while (order.size() < tables.size()) {
      int before = order.size();
      for (String table : needs.keySet()) {
        if (!order.contains(table) && order.containsAll(needs.get(table))) order.add(table);
      }
      if (order.size() == before)
        throw new SQLException("Foreign keys form a cycle among " + needs);
    }
    return order;
  }

  private static String unqualified(String name) {
    String bare = name.substring(name.lastIndexOf('.') + 1);
    return bare.startsWith("\"") ? bare.substring(1, bare.length() - 1) : bare;
  }

  private static String sequences(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT relname FROM pg_class WHERE relkind = 'S'"
                    + " AND relnamespace = current_schema()::regnamespace ORDER BY relname")) {
      while (rs.next()) names.add(rs.getString(1));
    }
    for (String name : names) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM \"" + name + "\"")) {
        rs.next();
        out.append(name)
            .append('\t')
            .append(rs.getLong(1))
            .append('\t')
            .append(rs.getBoolean(2))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static void restoreSequences(Connection c, List<String> lines) throws SQLException {
    for (String line : lines) {
      String[] parts = line.split("\t");
      if (parts.length != 3 || !parts[0].matches("[a-z_][a-z0-9_]{0,62}"))
        throw new SQLException("The snapshot names a sequence badly: " + line);
      try (java.sql.PreparedStatement s = c.prepareStatement("SELECT setval(?, ?, ?)")) {
        s.setString(1, "\"" + parts[0] + "\"");
        s.setLong(2, Long.parseLong(parts[1]));
        s.setBoolean(3, Boolean.parseBoolean(parts[2]));
        s.executeQuery().close();
      }
    }
  }

  private static long lines(InputStream in) throws IOException {
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; )
      for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
    return lines;
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    return tables;
  }

  /** why: COPY closes the stream it writes to, and the zip must stay open for the next table. */
  private static OutputStream uncloseable(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
