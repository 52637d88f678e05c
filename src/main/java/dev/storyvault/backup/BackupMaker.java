package dev.storyvault.backup;

import dev.storyvault.blob.BlobCollector;
import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.platform.Digests;
import dev.storyvault.platform.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a backup: pauses the blob collector (so no blob the snapshot references can go before it is
 * copied), snapshots the database, copies every referenced blob the target does not hold yet
 * (checking each against its hash on the way), stores the snapshot as a blob, and writes the
 * manifest last: a backup without a manifest does not exist.
 */
@Component
class BackupMaker {

  private static final Logger log = LoggerFactory.getLogger(BackupMaker.class);

  private final DatabaseSnapshots snapshots;
  private final BlobStore live;
  private final BackupVault vault;
  private final BlobCollector collector;
  private final BackupProperties properties;
  private final BackupLock lock;
  private final Clock clock;

  BackupMaker(
      DatabaseSnapshots snapshots,
      BlobStore live,
      BackupVault vault,
      BlobCollector collector,
      BackupProperties properties,
      BackupLock lock,
      Clock clock) {
    this.snapshots = snapshots;
    this.live = live;
    this.vault = vault;
    this.collector = collector;
    this.properties = properties;
    this.lock = lock;
    this.clock = clock;
  }

  Manifest create() throws IOException {
    return create(id -> {}, (done, all) -> {});
  }

  /**
   * {@code afterSnapshot} runs once the snapshot is taken, before any blob is copied (tests collect
   * blobs there); {@code progress} hears (blobs done, blobs in all) as each is copied or found.
   */
  Manifest create(Consumer<String> afterSnapshot, BiConsumer<Integer, Integer> progress)
      throws IOException {
    try (BackupLock.Held held = lock.hold("backup");
        BlobCollector.Pause pause = collector.pause("backup", properties.collectorPause())) {
      String id = Ids.next("bkp");
      Path file = Files.createTempFile("storyvault-snapshot-", ".tmp");
      try {
        DatabaseSnapshots.Facts facts = snapshots.take(file);
        afterSnapshot.accept(id);
        int copied =
            ParallelCopies.run(
                facts.blobs(), properties.parallelCopiesOrDefault(), this::copy, progress);
        Manifest.Entry snapshot = storeSnapshot(file);
        Manifest manifest =
            new Manifest(
                id,
                clock.instant(),
                version(),
                snapshots.database(),
                facts.schemaVersion(),
                snapshot,
                facts.tables(),
                facts.blobs(),
                copied);
        vault.manifests().put(manifest.name(), manifest.toJson());
        log.info(
            "Backup {}: {} blobs ({} copied), snapshot {} bytes",
            id,
            facts.blobs().size(),
            copied,
            snapshot.sizeBytes());
        return manifest;
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  /** False when the target holds the blob already (stored once across all backups). */
  private boolean copy(Manifest.Entry blob) throws IOException {
    BlobId id = BlobId.of(blob.sha256());
    if (vault.blobs().size(id).filter(size -> size == blob.sizeBytes()).isPresent()) return false;
    Path file = Files.createTempFile("storyvault-backup-blob-", ".tmp");
    try {
      MessageDigest digest = Digests.newSha256();
      try (InputStream in = live.open(id, 0, blob.sizeBytes());
          OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
        in.transferTo(out);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(blob.sha256()))
        throw new IOException(
            "Live blob "
                + blob.sha256()
                + " does not match its hash ("
                + actual
                + "); not backed up.");
      vault.blobs().put(id, file);
      return true;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private Manifest.Entry storeSnapshot(Path file) throws IOException {
    MessageDigest digest = Digests.newSha256();
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    long size = Files.size(file);
    vault.blobs().put(BlobId.of(hash), file);
    return new Manifest.Entry(hash, size);
  }

  static String version() {
    String version = BackupMaker.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
