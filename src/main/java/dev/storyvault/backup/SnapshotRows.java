package dev.storyvault.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What both databases' snapshots read the same way: the schema version and the live blobs. */
final class SnapshotRows {

  private SnapshotRows() {}

  /** {@code successful}: how the database writes Flyway's success column as true. */
  static String schemaVersion(Connection c, String successful) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = "
                    + successful
                    + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "none";
    }
  }

  /** The blobs the database references (the blob ledger's live rows). */
  static List<Manifest.Entry> blobs(Connection c) throws SQLException {
    List<Manifest.Entry> blobs = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT hash, size_bytes FROM blobs WHERE ref_count > 0 ORDER BY hash")) {
      while (rs.next()) blobs.add(new Manifest.Entry(rs.getString(1), rs.getLong(2)));
    }
    return blobs;
  }
}
