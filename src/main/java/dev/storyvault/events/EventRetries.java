package dev.storyvault.events;

import dev.storyvault.coordination.ClusterLoops;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Runs again the listeners whose publications stayed incomplete for a while (the listener threw: a
 * CDN was down), without waiting for a restart. One instance of the cluster does it ({@link
 * ClusterLoops}). why an age: a publication younger than that may still be running; listeners are
 * idempotent, so a rare second run is harmless, but a retry storm is not.
 */
@Component
class EventRetries implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

  private final IncompleteEventPublications incomplete;
  private final ClusterLoops loops;
  private final Duration every;
  private final Duration olderThan;
  private ScheduledExecutorService executor;

  EventRetries(
      IncompleteEventPublications incomplete,
      ClusterLoops loops,
      @Value("${storyvault.events.retry-every:PT1M}") Duration every,
      @Value("${storyvault.events.retry-older-than:PT2M}") Duration olderThan) {
    this.incomplete = incomplete;
    this.loops = loops;
    this.every = every;
    this.olderThan = olderThan;
  }

  void retryOnce() {
    try {
      loops.runIfLeader(
          "event-retries",
          every.multipliedBy(3),
          () -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
    } catch (RuntimeException e) {
      log.warn("Retrying incomplete event publications failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("event-retries").daemon().factory());
    executor.scheduleWithFixedDelay(
        this::retryOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) executor.shutdownNow();
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
