package dev.storyvault.blob;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The blob ledger: stores blobs durably and content-addressed, and counts the records that use
 * each, which is what the {@link BlobCollector} relies on. Uploads, rendered variants, exports (and
 * generated media and backups) store through it. A caller stores the bytes first, then references
 * the blob in the same transaction as the record that uses it, and releases it when that record
 * goes.
 */
@Component
public class BlobLedger {

  private final BlobStore store;
  private final LedgerRows references;
  private final WriteTransactions writes;
  private final Path tempDir;

  BlobLedger(
      BlobStore store,
      LedgerRows references,
      WriteTransactions writes,
      @Value("${storyvault.uploads.temp-dir:${storyvault.data-dir}/tmp}") String tempDir) {
    this.store = store;
    this.references = references;
    this.writes = writes;
    this.tempDir = Path.of(tempDir);
  }

  /**
   * Hashes and durably stores the file; the caller then records a reference in its own transaction.
   */
  public StoredBlob store(Path file) throws IOException {
    StoredBlob stored = new StoredBlob(BlobId.ofDigest(hash(file)), Files.size(file));
    put(stored, file);
    return stored;
  }

  /** The same for bytes already in memory (a rendered image). */
  public StoredBlob store(byte[] bytes) throws IOException {
    StoredBlob stored = new StoredBlob(BlobId.ofDigest(Digests.sha256(bytes)), bytes.length);
    Path file = Files.createTempFile(tempDir, "derived-", ".part");
    try {
      Files.write(file, bytes);
      put(stored, file);
    } finally {
      Files.deleteIfExists(file);
    }
    return stored;
  }

  /** Claims the blob, then stores the file's bytes under it (the file's hash is already known). */
  public void put(StoredBlob stored, Path file) throws IOException {
    claim(stored.blob(), stored.size());
    store.put(stored.blob(), file);
  }

  /** In the caller's transaction: true if referenced; false if the blob is being collected. */
  public boolean reference(BlobId blob) {
    return references.addReference(blob);
  }

  /** In the caller's transaction: the record that used the blob is gone. */
  public void release(BlobId blob) {
    references.releaseReference(blob);
  }

  /** What is stored: live blobs, their bytes, and what deduplication saved. */
  public record Totals(long blobs, long bytes, long referencedBytes) {
    public long savedByDeduplication() {
      return referencedBytes - bytes;
    }
  }

  public Totals totals() {
    long[] t = references.totals();
    return new Totals(t[0], t[1], t[2]);
  }

  public long referenceCount(BlobId blob) {
    return references.referenceCount(blob);
  }

  /**
   * Every live (referenced) blob, a page at a time in hash order: pass the last hash of a page to
   * get the next (backups copy these). Empty when there are no more.
   */
  public List<StoredBlob> liveBlobs(BlobId after, int limit) {
    return references.live(after == null ? "" : after.hex(), limit);
  }

  /**
   * why claim first: the collector never removes a claimed (just touched) blob. A blob in the
   * middle of being collected cannot be claimed; wait for that to finish, then claim it anew.
   */
  private void claim(BlobId blob, long size) {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (Boolean.TRUE.equals(writes.execute(() -> references.claim(blob, size)))) return;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw busy();
  }

  public static ApiProblem busy() {
    return new ApiProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Service unavailable",
        "The blob store is busy with this content; try again in a few seconds.");
  }

  private static byte[] hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DigestOutputStream sink =
            new DigestOutputStream(OutputStream.nullOutputStream(), Digests.newSha256())) {
      in.transferTo(sink);
      return sink.getMessageDigest().digest();
    }
  }
}
