package dev.storyvault.asset;

import java.time.Clock;
import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import dev.storyvault.database.WriteTransactions;

/**
 * Removes blobs that no asset version has used for a grace period. Safe to run on several instances
 * at once: each blob is first marked 'deleting' by a conditional update only one of them wins.
 * Runs as a db-scheduler recurring task (see {@link AssetTasks}).
 */
@Component
class BlobCollector {

    private final Clock clock;

    private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);

    private final BlobReferences references;
    private final BlobStore store;
    private final WriteTransactions writes;
    private final Duration grace;

    BlobCollector(BlobReferences references, BlobStore store, WriteTransactions writes,
                  @Value("${storyvault.blobs.collect-after:PT1H}") Duration grace, Clock clock) {
        this.clock = clock;
        this.references = references;
        this.store = store;
        this.writes = writes;
        this.grace = grace;
    }

    void collectOnSchedule() {
        int removed = collect(clock.millis() - grace.toMillis());
        if (removed > 0) log.info("Collected {} unreferenced blobs", removed);
    }

    /** Removes unreferenced blobs untouched since {@code cutoffMillis}; returns how many. */
    int collect(long cutoffMillis) {
        int removed = 0;
        for (BlobId blob : references.collectable(cutoffMillis, 1000)) {
            if (!Boolean.TRUE.equals(writes.execute(() -> references.markDeleting(blob, cutoffMillis)))) continue;
            try {
                store.delete(blob);
                writes.run(() -> references.forget(blob));
                removed++;
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove blob {}; will retry on the next run", blob, e);
            }
        }
        return removed;
    }
}
