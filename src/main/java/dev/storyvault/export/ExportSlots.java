package dev.storyvault.export;

import dev.storyvault.coordination.ClusterSlots;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many exports are built at once: at most {@code max-concurrent} on this instance (they use its
 * CPU and memory) and at most {@code max-concurrent-cluster} across all instances (they share the
 * database and the blob store). A caller waits up to {@code slot-wait} for both, else gets none.
 */
@Component
class ExportSlots {

  private static final String NAME = "exports";
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final Semaphore local;
  private final ClusterSlots cluster;
  private final int clusterPermits;
  private final Duration wait;
  private final Clock clock;

  ExportSlots(
      ClusterSlots cluster,
      Clock clock,
      @Value("${storyvault.exports.max-concurrent:2}") int maxConcurrent,
      @Value("${storyvault.exports.max-concurrent-cluster:8}") int clusterPermits,
      @Value("${storyvault.exports.slot-wait:PT10S}") Duration wait) {
    this.local = new Semaphore(maxConcurrent, true);
    this.cluster = cluster;
    this.clusterPermits = clusterPermits;
    this.wait = wait;
    this.clock = clock;
  }

  /** A held slot (close it when the export is built), or empty when none came free in time. */
  Optional<ClusterSlots.Slot> acquire() throws InterruptedException {
    long deadline = clock.millis() + wait.toMillis();
    if (!local.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
    while (true) {
      Optional<ClusterSlots.Slot> slot = cluster.tryAcquire(NAME, clusterPermits, LEASE);
      if (slot.isPresent())
        return Optional.of(
            () -> {
              slot.get().close();
              local.release();
            });
      if (clock.millis() >= deadline) {
        local.release();
        return Optional.empty();
      }
      Thread.sleep(50); // why poll: a slot held on another instance frees without telling this one
    }
  }
}
