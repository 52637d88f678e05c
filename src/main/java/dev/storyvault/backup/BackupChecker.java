package dev.storyvault.backup;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobNotFoundException;
import dev.storyvault.platform.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verifies a backup: the manifest is one this server wrote, every blob it names is there with its
 * size and hashes to its name, and the database snapshot opens, passes the database's own check and
 * holds the row counts the manifest recorded. Each problem is named.
 */
@Component
class BackupChecker {

  /** What verification found: nothing wrong when {@code problems} is empty. */
  record Report(String id, int blobsChecked, List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }

    Map<String, Object> toMap() {
      return Map.of("id", id, "ok", ok(), "blobs_checked", blobsChecked, "problems", problems);
    }
  }

  private final BackupVault vault;
  private final DatabaseSnapshots snapshots;

  BackupChecker(BackupVault vault, DatabaseSnapshots snapshots) {
    this.vault = vault;
    this.snapshots = snapshots;
  }

  Report verify(String id) throws IOException {
    List<String> problems = new ArrayList<>();
    Optional<Manifest> found;
    try {
      found = vault.manifest(id);
    } catch (Manifest.Invalid e) {
      return new Report(id, 0, List.of("manifest: " + e.getMessage()));
    }
    if (found.isEmpty()) return new Report(id, 0, List.of("manifest: no backup " + id));
    Manifest manifest = found.get();
    int checked = 0;
    for (Manifest.Entry blob : manifest.blobs()) {
      check(blob, "blob", problems);
      checked++;
    }
    checkSnapshot(manifest, problems);
    return new Report(id, checked, problems);
  }

  private void checkSnapshot(Manifest manifest, List<String> problems) throws IOException {
    Path file = Files.createTempFile("storyvault-verify-", ".tmp");
    try {
      if (!check(manifest.snapshot(), "snapshot", problems, file)) return;
      boolean embedded = manifest.database().equals("sqlite");
      if (!manifest.database().equals(snapshots.database()) && !embedded) {
        problems.add(
            "snapshot: a "
                + manifest.database()
                + " snapshot; this server checks "
                + snapshots.database());
        return;
      }
      // why SQLite on any server: an embedded backup is checked where it is restored (scale-out)
      Map<String, Long> counts = embedded ? SqliteSnapshots.check(file) : snapshots.inspect(file);
      manifest
          .tables()
          .forEach(
              (table, expected) -> {
                Long actual = counts.get(table);
                if (!expected.equals(actual))
                  problems.add(
                      "snapshot: table "
                          + table
                          + " holds "
                          + actual
                          + " rows; the manifest says "
                          + expected);
              });
    } catch (IOException e) {
      problems.add("snapshot: " + e.getMessage());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private boolean check(Manifest.Entry blob, String what, List<String> problems)
      throws IOException {
    return check(blob, what, problems, null);
  }

  /**
   * Re-hashes one blob of the backup (into {@code copy} when given); false if anything is wrong.
   */
  private boolean check(Manifest.Entry blob, String what, List<String> problems, Path copy)
      throws IOException {
    BlobId id = BlobId.of(blob.sha256());
    MessageDigest digest = Digests.newSha256();
    long size;
    try (InputStream in = vault.blobs().open(id, 0, blob.sizeBytes() + 1);
        OutputStream out =
            new DigestOutputStream(
                copy == null ? OutputStream.nullOutputStream() : Files.newOutputStream(copy),
                digest)) {
      size = in.transferTo(out);
    } catch (BlobNotFoundException e) {
      problems.add(what + " " + blob.sha256() + ": missing");
      return false;
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(blob.sha256())) {
      problems.add(what + " " + blob.sha256() + ": its bytes hash to " + actual + " (damaged)");
      return false;
    }
    if (size != blob.sizeBytes()) {
      problems.add(
          what
              + " "
              + blob.sha256()
              + ": "
              + size
              + " bytes, the manifest says "
              + blob.sizeBytes());
      return false;
    }
    return true;
  }
}
