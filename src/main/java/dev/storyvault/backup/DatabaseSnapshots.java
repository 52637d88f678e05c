package dev.storyvault.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A consistent copy of the whole database in one file, and a check of such a file. The one place
 * the two databases differ for backups.
 */
interface DatabaseSnapshots {

  /** What a snapshot holds: the schema version, each table's rows, the blobs it references. */
  record Facts(String schemaVersion, Map<String, Long> tables, List<Manifest.Entry> blobs) {}

  /** {@code sqlite} or {@code postgresql}. */
  String database();

  /** Writes a snapshot of the database as it is at one instant to {@code file}. */
  Facts take(Path file) throws IOException;

  /**
   * Opens a snapshot and checks it; its tables' row counts. Throws {@link IOException} when it
   * cannot be read or is damaged.
   */
  Map<String, Long> inspect(Path file) throws IOException;

  /**
   * Replaces the whole database with the snapshot's contents (the schema versions match; the caller
   * checked the database holds no content). {@code database}: the kind of database the snapshot was
   * taken from ({@link #database()} of its installation).
   */
  void restore(Path file, String database) throws IOException;

  /** Whether a snapshot of {@code database} can be restored here. */
  default boolean accepts(String database) {
    return database.equals(database());
  }

  /** Each table's rows in the live database (what a restore is checked against). */
  Map<String, Long> liveCounts() throws IOException;

  /**
   * Tables whose row count changes while their content does not (a full-text index's internal
   * segments, merged in the background): a restore's check does not count them.
   */
  default java.util.Set<String> varyingTables() throws IOException {
    return java.util.Set.of();
  }

  /** The schema version of the live database. */
  String liveSchemaVersion() throws IOException;
}
