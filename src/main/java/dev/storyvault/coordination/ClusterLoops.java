package dev.storyvault.coordination;

import java.time.Duration;

/**
 * Background loops that must run on one instance of the cluster at a time (index upkeep, event
 * retries, collection). Each instance calls {@link #runIfLeader} on its own schedule; only the
 * holder of the loop's lease runs the step. A lease not renewed within {@code lease} passes to
 * another instance.
 */
public interface ClusterLoops {

  /**
   * Takes or renews the lease for {@code loop}, then runs {@code step}; false (not run) if another
   * instance holds it.
   */
  boolean runIfLeader(String loop, Duration lease, Runnable step);
}
