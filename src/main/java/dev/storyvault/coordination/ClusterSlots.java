package dev.storyvault.coordination;

import java.time.Duration;
import java.util.Optional;

/**
 * Cluster-wide concurrency limits (renders, exports): at most {@code permits} holders of {@code
 * name} across all instances. A holder that dies without releasing frees its slot when the lease
 * runs out.
 */
public interface ClusterSlots {

  Optional<Slot> tryAcquire(String name, int permits, Duration lease);

  /** A held slot; closing it releases it. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }
}
