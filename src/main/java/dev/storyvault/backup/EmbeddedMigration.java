package dev.storyvault.backup;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.blob.BlobStores;
import dev.storyvault.database.DerivedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Moves an embedded installation (a data folder: SQLite and blobs on disk) into this one, which
 * runs on PostgreSQL and S3. The source is copied with {@code VACUUM INTO} (one consistent
 * instant), the copy brought to this version's schema with the SQLite migrations; blobs are copied
 * first (skipped when already there, so a second run after an interruption does only what is left),
 * the rows second in one transaction, then what does not copy is rebuilt, and counts and every
 * blob's hash are checked. The source is only read; if it took writes meanwhile, the result says
 * so.
 */
@Component
class EmbeddedMigration {

  /** What a migration did; {@code problems} empty when it is complete and checked. */
  record Result(
      Map<String, Long> tables,
      int blobs,
      int copiedBlobs,
      long copiedBytes,
      List<String> rebuilt,
      List<String> problems) {}

  private final DatabaseSnapshots snapshots;
  private final BlobStore live;
  private final BackupLock lock;
  private final List<DerivedData> derived;

  private final int parallelism;

  EmbeddedMigration(
      DatabaseSnapshots snapshots,
      BlobStore live,
      BackupLock lock,
      List<DerivedData> derived,
      BackupProperties properties) {
    this.parallelism = properties.parallelCopiesOrDefault();
    this.snapshots = snapshots;
    this.live = live;
    this.lock = lock;
    this.derived = derived;
  }

  Result migrate(
      Path dataDir, boolean replace, Consumer<String> say, BiConsumer<Integer, Integer> progress)
      throws IOException {
    Path database = dataDir.resolve("storyvault.db");
    if (!snapshots.database().equals("postgresql"))
      return refused(
          "this installation is embedded; migrate runs with the scale-out target's settings"
              + " (storyvault.database.url, storyvault.blobs.store=s3, …)");
    if (!Files.isRegularFile(database))
      return refused("no embedded installation at " + dataDir + " (no storyvault.db there)");
    try (BackupLock.Held held = lock.hold("migrate");
        Connection source = open(database)) {
      long dataVersion = dataVersion(source);
      Path copy = Files.createTempFile("storyvault-migrate-", ".db");
      try {
        say.accept("copying the embedded database (VACUUM INTO)");
        copyOf(source, copy);
        upgrade(copy);
        DatabaseSnapshots.Facts facts = facts(copy);
        List<String> refusals =
            BackupRestorer.refusalsToCopy(snapshots, facts.schemaVersion(), replace);
        if (!refusals.isEmpty()) return refused(refusals);
        say.accept("copying " + facts.blobs().size() + " blobs");
        long[] copied = copyBlobs(BlobStores.onDisk(dataDir.resolve("blobs")), facts, progress);
        say.accept("copying " + facts.tables().size() + " tables");
        snapshots.restore(copy, "sqlite");
        List<String> rebuilt = new ArrayList<>();
        for (DerivedData data : derived) {
          say.accept("rebuilding the " + data.name());
          data.rebuild();
          rebuilt.add(data.name());
        }
        say.accept("checking counts and re-hashing every blob");
        Map<String, Long> target = snapshots.liveCounts();
        List<String> problems =
            new ArrayList<>(
                BackupRestorer.compareCounts(facts.tables(), target, true, java.util.Set.of()));
        problems.addAll(rehash(facts.blobs(), progress));
        if (dataVersion(source) != dataVersion)
          problems.add(
              "the embedded installation took writes while it was migrated; stop its server and"
                  + " run migrate again with --replace");
        return new Result(
            copiedTables(facts.tables(), target),
            facts.blobs().size(),
            (int) copied[0],
            copied[1],
            rebuilt,
            problems);
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (SQLException e) {
      throw new IOException("The embedded database could not be read: " + e.getMessage(), e);
    }
  }

  private static Result refused(String... refusals) {
    return refused(List.of(refusals));
  }

  private static Result refused(List<String> refusals) {
    return new Result(Map.of(), 0, 0, 0, List.of(), refusals);
  }

  private static Connection open(Path database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + database.toAbsolutePath() + "?open_mode=1&busy_timeout=15000");
  }

  /** Changes whenever another connection commits (PRAGMA data_version). */
  private static long dataVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void copyOf(Connection source, Path copy) throws SQLException, IOException {
    Files.deleteIfExists(copy);
    try (var s = source.prepareStatement("VACUUM INTO ?")) {
      s.setString(1, copy.toAbsolutePath().toString());
      s.execute();
    }
  }

  /** Brings a copy made by an older version to this version's schema. */
  private static void upgrade(Path copy) {
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + copy.toAbsolutePath(), null, null)
        .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
        .load()
        .migrate();
  }

  private static DatabaseSnapshots.Facts facts(Path copy) throws SQLException {
    try (Connection c = SqliteSnapshots.open(copy)) {
      return new DatabaseSnapshots.Facts(
          SnapshotRows.schemaVersion(c, "1"), SqliteSnapshots.counts(c), SnapshotRows.blobs(c));
    }
  }

  /** (blobs copied, bytes copied); a blob already there at its size is left alone. */
  private long[] copyBlobs(
      BlobStore from, DatabaseSnapshots.Facts facts, BiConsumer<Integer, Integer> progress)
      throws IOException {
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    int copied =
        ParallelCopies.run(
            facts.blobs(),
            parallelism,
            blob -> {
              BlobId id = BlobId.of(blob.sha256());
              if (live.size(id).filter(size -> size == blob.sizeBytes()).isPresent()) return false;
              Path file = Files.createTempFile("storyvault-migrate-blob-", ".tmp");
              try {
                try (InputStream in = from.open(id, 0, blob.sizeBytes())) {
                  Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                live.put(id, file);
              } finally {
                Files.deleteIfExists(file);
              }
              bytes.addAndGet(blob.sizeBytes());
              return true;
            },
            progress);
    return new long[] {copied, bytes.get()};
  }

  private List<String> rehash(List<Manifest.Entry> blobs, BiConsumer<Integer, Integer> progress) {
    List<String> problems = new ArrayList<>();
    int done = 0;
    for (Manifest.Entry blob : blobs) {
      try (InputStream in =
          new DigestInputStream(
              live.open(BlobId.of(blob.sha256()), 0, blob.sizeBytes()), sha256())) {
        long size = in.transferTo(java.io.OutputStream.nullOutputStream());
        String hash =
            HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        if (size != blob.sizeBytes() || !hash.equals(blob.sha256()))
          problems.add("blob " + blob.sha256() + " does not re-hash to its name in the target");
      } catch (IOException e) {
        problems.add("blob " + blob.sha256() + " cannot be read in the target: " + e.getMessage());
      }
      progress.accept(++done, blobs.size());
    }
    return problems;
  }

  private static Map<String, Long> copiedTables(
      Map<String, Long> tables, Map<String, Long> target) {
    Map<String, Long> copied = new LinkedHashMap<>();
    tables.forEach(
        (table, rows) -> {
          if (SqliteIntoPostgres.isCopied(table) && target.containsKey(table))
            copied.put(table, rows);
        });
    return copied;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
