package dev.storyvault.blob;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Ids;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes blobs that nothing has used for a grace period. Safe to run on several instances at once:
 * each blob is first marked 'deleting' by a conditional update only one of them wins. Runs as a
 * db-scheduler recurring task (see {@link BlobTasks}). Can be paused cluster-wide (a backup copying
 * blobs pauses it); a pause is a row with an end, so one whose holder died ends by itself.
 */
@Component
public class BlobCollector {

  private final Clock clock;

  private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);

  private final LedgerRows references;
  private final BlobStore store;
  private final WriteTransactions writes;
  private final Duration grace;

  BlobCollector(
      LedgerRows references,
      BlobStore store,
      WriteTransactions writes,
      @Value("${storyvault.blobs.collect-after:PT1H}") Duration grace,
      Clock clock) {
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

  /** A pause of collection; closing it ends the pause. */
  public interface Pause extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Stops collection on every instance until the pause is closed or {@code atMost} has passed, and
   * waits for a collection already running here to finish. A run on another instance stops at its
   * next blob.
   */
  public Pause pause(String reason, Duration atMost) {
    String id = Ids.next("pause");
    writes.run(() -> references.pauseCollection(id, reason, clock.millis() + atMost.toMillis()));
    synchronized (this) {
      // why empty: a collection running on this instance holds this lock; taking it waits for that
      // run
    }
    return () -> writes.run(() -> references.endPause(id));
  }

  /** Removes unreferenced blobs untouched since {@code cutoffMillis}; returns how many. */
  public synchronized int collect(long cutoffMillis) {
    int removed = 0;
    for (BlobId blob : references.collectable(cutoffMillis, 1000)) {
      if (references.collectionPaused(clock.millis())) break;
      if (!Boolean.TRUE.equals(writes.execute(() -> references.markDeleting(blob, cutoffMillis))))
        continue;
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
