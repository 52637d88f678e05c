package dev.storyvault.story;

import dev.storyvault.coordination.ClusterLoops;
import dev.storyvault.database.WriteTransactions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Folds what writes added to the full-text index into its main structure, in the background, so
 * that no request pays for it: FTS5 segment merges in embedded mode, the GIN pending list in
 * scale-out mode (see {@link StorySearch#tidyStep(boolean)}). Every {@link
 * StorySearch#upkeepEvery()}, steps run in transactions of their own until none is left or this
 * run's share is used; when no story was written for two seconds, the steps may go further.
 */
@Component
class SearchIndexUpkeep implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexUpkeep.class);

  /**
   * why a bound: under a sustained write load the steps must leave the (SQLite) writer lock to the
   * writers.
   */
  private static final int MAX_STEPS_PER_RUN = 8;

  /**
   * How long after the last story write the upkeep counts as quiet (see {@link
   * StorySearch#tidyStep(boolean)}).
   */
  private static final long QUIET_AFTER_NANOS = 2_000_000_000L;

  private final StorySearch search;
  private final WriteTransactions writes;
  private ScheduledExecutorService executor;
  private volatile long lastWrite = System.nanoTime();

  private final ClusterLoops loops;

  SearchIndexUpkeep(StorySearch search, WriteTransactions writes, ClusterLoops loops) {
    this.search = search;
    this.writes = writes;
    this.loops = loops;
  }

  @Override
  public synchronized void start() {
    writes.run(() -> search.takeOverUpkeep());
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("search-index-upkeep").daemon().factory());
    long every = search.upkeepEvery().toMillis();
    // why a cluster loop: the index is shared, so one instance tidies it; another takes over if
    // that one dies
    Duration lease = Duration.ofMillis(Math.max(10_000, every * 5));
    executor.scheduleWithFixedDelay(
        () -> loops.runIfLeader("search-index-upkeep", lease, this::tidy),
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor == null) return;
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  @EventListener({StoryCreated.class, StoryChanged.class, StoryDeleted.class})
  void storyWritten() {
    lastWrite = System.nanoTime();
  }

  int tidy() {
    return tidy(System.nanoTime() - lastWrite > QUIET_AFTER_NANOS);
  }

  /** Steps until one finds nothing more to do or the run's share is used; how many did work. */
  int tidy(boolean quiet) {
    int steps = 0;
    try {
      while (steps < MAX_STEPS_PER_RUN
          && Boolean.TRUE.equals(writes.execute(() -> search.tidyStep(quiet)))) steps++;
    } catch (RuntimeException e) {
      log.warn("Search index upkeep failed: {}", e.getMessage());
    }
    return steps;
  }
}
