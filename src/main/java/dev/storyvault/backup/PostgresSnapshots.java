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

  private final DataSource dataSource;

  PostgresSnapshots(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String database() {
    return "postgresql";
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
        }
        Facts facts = new Facts(schemaVersion(c), counts, blobs(c));
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
   * Reads every entry through and counts its rows (COPY's text format escapes newlines inside
   * values, so a row is a line).
   */
  @Override
  public Map<String, Long> inspect(Path file) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (!name.endsWith(SUFFIX) || name.contains("/"))
          throw new IOException("The database snapshot holds an unexpected entry '" + name + "'.");
        counts.put(name.substring(0, name.length() - SUFFIX.length()), lines(zip));
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException("The database snapshot is damaged: " + e.getMessage(), e);
    }
    return counts;
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

  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "none";
    }
  }

  private static List<Manifest.Entry> blobs(Connection c) throws SQLException {
    List<Manifest.Entry> blobs = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT hash, size_bytes FROM blobs WHERE ref_count > 0 ORDER BY hash")) {
      while (rs.next()) blobs.add(new Manifest.Entry(rs.getString(1), rs.getLong(2)));
    }
    return blobs;
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
