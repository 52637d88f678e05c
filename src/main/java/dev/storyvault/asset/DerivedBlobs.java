package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Blobs other modules derive from assets (exports, bundles): stored content-addressed like uploads,
 * with the same reference counting, so that the collector removes them once nothing uses them.
 */
@Component
public class DerivedBlobs {

    private final BlobStore store;
    private final BlobReferences references;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    DerivedBlobs(BlobStore store, BlobReferences references,
                 org.springframework.transaction.support.TransactionTemplate transaction) {
        this.store = store;
        this.references = references;
        this.transaction = transaction;
    }

    public record Stored(BlobId blob, long size) {}

    /** Hashes and durably stores the file; the caller then records a reference in its own transaction. */
    public Stored store(Path file) throws IOException {
        BlobId blob = BlobId.ofDigest(hash(file));
        long size = Files.size(file);
        if (!Boolean.TRUE.equals(transaction.execute(s -> references.claim(blob, size)))) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    "The blob store is busy with this content; try again in a few seconds.");
        }
        store.put(blob, file);
        return new Stored(blob, size);
    }

    /** In the caller's transaction: true if referenced; false if the blob is being collected. */
    public boolean reference(BlobId blob) {
        return references.addReference(blob);
    }

    public void release(BlobId blob) {
        references.releaseReference(blob);
    }

    public InputStream open(BlobId blob, long size) throws IOException {
        return store.open(blob, 0, size);
    }

    private static byte[] hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(sink);
            return ((DigestOutputStream) sink).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
