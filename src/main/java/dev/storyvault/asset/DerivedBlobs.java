package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import dev.storyvault.database.WriteTransactions;

/**
 * Stores blobs durably and content-addressed, with the reference counting the collector relies on:
 * uploads, rendered variants, and what other modules derive from assets (exports, bundles).
 */
@Component
public class DerivedBlobs {

    private final BlobStore store;
    private final BlobReferences references;
    private final WriteTransactions writes;
    private final Path tempDir;

    DerivedBlobs(BlobStore store, BlobReferences references, WriteTransactions writes, UploadLimits limits) {
        this.store = store;
        this.references = references;
        this.writes = writes;
        this.tempDir = Path.of(limits.tempDir());
    }

    public record Stored(BlobId blob, long size) {}

    /** Hashes and durably stores the file; the caller then records a reference in its own transaction. */
    public Stored store(Path file) throws IOException {
        Stored stored = new Stored(BlobId.ofDigest(hash(file)), Files.size(file));
        put(stored, file);
        return stored;
    }

    /** The same for bytes already in memory (a rendered image). */
    Stored store(byte[] bytes) throws IOException {
        Stored stored = new Stored(BlobId.ofDigest(Digests.sha256(bytes)), bytes.length);
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
    void put(Stored stored, Path file) throws IOException {
        claim(stored.blob(), stored.size());
        store.put(stored.blob(), file);
    }

    /** In the caller's transaction: true if referenced; false if the blob is being collected. */
    public boolean reference(BlobId blob) {
        return references.addReference(blob);
    }

    public void release(BlobId blob) {
        references.releaseReference(blob);
    }

    /**
     * why claim first: the collector never removes a claimed (just touched) blob. A blob in the middle of
     * being collected cannot be claimed; wait for that to finish, then claim it anew.
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
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The blob store is busy with this content; try again in a few seconds.");
    }

    private static byte[] hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), Digests.newSha256())) {
            in.transferTo(sink);
            return sink.getMessageDigest().digest();
        }
    }
}
