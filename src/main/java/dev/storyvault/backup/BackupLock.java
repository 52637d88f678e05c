package dev.storyvault.backup;

import dev.storyvault.coordination.ClusterSlots;
import dev.storyvault.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One backup or prune at a time across the cluster: a backup never runs beside its own pruning
 * (which deletes blobs the backup may be counting on). A holder that dies frees it after the
 * longest a backup may pause the collector.
 */
@Component
class BackupLock {

  /** A held lock; closing it releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private final ClusterSlots slots;
  private final BackupProperties properties;

  BackupLock(ClusterSlots slots, BackupProperties properties) {
    this.slots = slots;
    this.properties = properties;
  }

  Held hold(String what) {
    ClusterSlots.Slot slot =
        slots
            .tryAcquire("backups", 1, properties.collectorPause())
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.CONFLICT,
                        "backup-running",
                        "Backup running",
                        "A backup or a prune is running; try the "
                            + what
                            + " again when it ends."));
    return slot::close;
  }
}
