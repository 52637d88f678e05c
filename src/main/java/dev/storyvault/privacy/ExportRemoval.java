package dev.storyvault.privacy;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Removes exports (expired ones, or all of a person's), releasing their blobs. */
@Component
class ExportRemoval {

  private final PersonalExports exports;
  private final BlobLedger ledger;
  private final WriteTransactions writes;
  private final Clock clock;

  ExportRemoval(PersonalExports exports, BlobLedger ledger, WriteTransactions writes, Clock clock) {
    this.exports = exports;
    this.ledger = ledger;
    this.writes = writes;
    this.clock = clock;
  }

  int expired() {
    return remove("expires_at < ?", clock.millis());
  }

  int of(String userId) {
    return remove("user_id = ?", userId);
  }

  private int remove(String condition, Object... params) {
    int removed = 0;
    for (PersonalExports.Export e : exports.where(condition, params)) {
      writes.run(
          () -> {
            if (exports.delete(e.id()) && e.blobHash() != null)
              ledger.release(BlobId.of(e.blobHash()));
          });
      removed++;
    }
    return removed;
  }
}
