package dev.storyvault.backup;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.database.DerivedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * Restores a backup into an installation that holds no content: verifies the backup first (a
 * damaged one changes nothing), copies its blobs into the live store, then replaces the database
 * with the snapshot, and ends by checking the result against the manifest (row counts, and every
 * blob read back from the live store and re-hashed).
 */
@Component
class BackupRestorer {

  /** Tables whose rows make an installation not empty (the bootstrap admin alone does not). */
  private static final List<String> CONTENT =
      List.of("stories", "assets", "collection_documents", "jobs", "story_sessions");

  private final BackupVault vault;
  private final BackupChecker checker;
  private final DatabaseSnapshots snapshots;
  private final BlobStore live;
  private final BackupLock lock;
  private final List<DerivedData> derived;
  private final int parallelism;

  BackupRestorer(
      BackupVault vault,
      BackupChecker checker,
      DatabaseSnapshots snapshots,
      BlobStore live,
      BackupLock lock,
      List<DerivedData> derived,
      BackupProperties properties) {
    this.parallelism = properties.parallelCopiesOrDefault();
    this.derived = derived;
    this.vault = vault;
    this.checker = checker;
    this.snapshots = snapshots;
    this.live = live;
    this.lock = lock;
  }

  /** The problems found; empty when the restore is complete and checked. */
  List<String> restore(String id, BiConsumer<Integer, Integer> progress) throws IOException {
    BackupChecker.Report report = checker.verify(id);
    if (!report.ok()) return prefixed("refused, the backup is damaged: ", report.problems());
    Manifest manifest = vault.manifest(id).orElseThrow();
    List<String> refusals = refusals(manifest);
    if (!refusals.isEmpty()) return refusals;
    try (BackupLock.Held held = lock.hold("restore")) {
      ParallelCopies.run(manifest.blobs(), parallelism, this::copyToLive, progress);
      Path file = Files.createTempFile("storyvault-restore-", ".snapshot");
      try {
        try (InputStream in =
            vault
                .blobs()
                .open(
                    BlobId.of(manifest.snapshot().sha256()), 0, manifest.snapshot().sizeBytes())) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        snapshots.restore(file, manifest.database());
      } finally {
        Files.deleteIfExists(file);
      }
      if (!manifest.database().equals(snapshots.database())) rebuildDerived(derived);
      return checkLive(manifest);
    }
  }

  private List<String> refusals(Manifest manifest) throws IOException {
    List<String> refusals = new ArrayList<>();
    if (!snapshots.accepts(manifest.database()))
      refusals.add(
          "refused: a "
              + manifest.database()
              + " backup cannot be restored into "
              + snapshots.database()
              + "");
    refusals.addAll(refusalsToCopy(snapshots, manifest.schemaVersion(), false));
    return refusals;
  }

  /**
   * Why a database cannot take a copy of a snapshot of {@code schemaVersion}: another schema
   * version, or content already there (unless {@code replacing} it was asked for).
   */
  static List<String> refusalsToCopy(
      DatabaseSnapshots snapshots, String schemaVersion, boolean replacing) throws IOException {
    List<String> refusals = new ArrayList<>();
    String version = snapshots.liveSchemaVersion();
    if (!schemaVersion.equals(version))
      refusals.add(
          "refused: the backup has schema version "
              + schemaVersion
              + ", this installation "
              + version
              + "; restore with the StoryVault version that made it");
    if (replacing) return refusals;
    Map<String, Long> counts = snapshots.liveCounts();
    for (String table : CONTENT) {
      if (counts.getOrDefault(table, 0L) > 0)
        refusals.add(
            "refused: the target is not empty ("
                + table
                + " holds "
                + counts.get(table)
                + " rows)");
    }
    if (counts.getOrDefault("users", 0L) > 1)
      refusals.add(
          "refused: the target is not empty (users holds " + counts.get("users") + " rows)");
    return refusals;
  }

  private boolean copyToLive(Manifest.Entry blob) throws IOException {
    BlobId id = BlobId.of(blob.sha256());
    // why re-hash: a blob left in the live store by an earlier, damaged install must not stand in
    if (live.size(id).isPresent()) {
      if (live.size(id).get() == blob.sizeBytes() && rehash(blob) == null) return false;
      live.delete(id);
    }
    Path file = Files.createTempFile("storyvault-restore-blob-", ".tmp");
    try {
      try (InputStream in = vault.blobs().open(id, 0, blob.sizeBytes())) {
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      live.put(id, file);
      return true;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Rebuilds what a copy between kinds of database does not carry. */
  static void rebuildDerived(List<DerivedData> derived) {
    derived.forEach(DerivedData::rebuild);
  }

  private List<String> checkLive(Manifest manifest) throws IOException {
    List<String> problems =
        compareCounts(
            manifest.tables(),
            snapshots.liveCounts(),
            !manifest.database().equals(snapshots.database()),
            snapshots.varyingTables());
    List<String> blobProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    ParallelCopies.run(
        manifest.blobs(),
        parallelism,
        blob -> {
          String problem = rehash(blob);
          if (problem != null) blobProblems.add(problem);
          return false;
        },
        (done, all) -> {});
    problems.addAll(blobProblems);
    return problems;
  }

  /** Reads the restored blob back from the live store and hashes it; what is wrong, or null. */
  private String rehash(Manifest.Entry blob) {
    java.security.MessageDigest digest = dev.storyvault.platform.Digests.newSha256();
    try (InputStream in = live.open(BlobId.of(blob.sha256()), 0, blob.sizeBytes())) {
      long size =
          in.transferTo(
              new java.security.DigestOutputStream(
                  java.io.OutputStream.nullOutputStream(), digest));
      String hash = java.util.HexFormat.of().formatHex(digest.digest());
      return size == blob.sizeBytes() && hash.equals(blob.sha256())
          ? null
          : "restored blob " + blob.sha256() + " does not re-hash to its name in the live store";
    } catch (IOException | RuntimeException e) {
      return "restored blob " + blob.sha256() + " is missing from the live store";
    }
  }

  /**
   * Tables whose rows differ from what was expected. {@code acrossDatabases}: only the tables both
   * kinds of database hold and a copy carries are compared; {@code varying}: tables whose row count
   * changes without their content changing are not.
   */
  static List<String> compareCounts(
      Map<String, Long> expected,
      Map<String, Long> actual,
      boolean acrossDatabases,
      java.util.Set<String> varying) {
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (table, rows) -> {
          if (table.equals("flyway_schema_history") || varying.contains(table)) return;
          if (acrossDatabases
              && (!actual.containsKey(table) || !SqliteIntoPostgres.isCopied(table))) return;
          if (!rows.equals(actual.get(table)))
            problems.add(
                "restored table "
                    + table
                    + " holds "
                    + actual.get(table)
                    + " rows; the source held "
                    + rows);
        });
    return problems;
  }

  private static List<String> prefixed(String prefix, List<String> problems) {
    return problems.stream().map(p -> prefix + p).toList();
  }
}
