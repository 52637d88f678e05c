package dev.storyvault.story;

import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the full-text index in step with the stories outside their writes where that pays (SQLite;
 * see {@link StorySearch#indexesInWrite}): a write only queues its story ({@link #queue}); a
 * background thread indexes what is queued, a batch per transaction, soon after the write commits
 * (woken by it) and at least every {@code storyvault.stories.index-poll} (for stories queued on
 * another instance, or before a crash). A search calls {@link #catchUp} first, so it still sees
 * every write acknowledged before it (read-your-writes); with the queue empty that is one look at
 * an empty table.
 */
@Component
class StoryIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StoryIndexer.class);

  /**
   * Stories indexed per transaction at most. why a bound: SQLite's other writers wait while a batch
   * is written, so a long one would show in their latency.
   */
  static final int BATCH = 64;

  /**
   * How long the indexer lets writes gather after the first wakes it. why: each batch is a commit
   * and an FTS5 segment, and a batch per write would double the commits.
   */
  private static final long GATHER_MILLIS = 20;

  private final StoryIndexQueue queue;
  private final Stories stories;
  private final StorySearch search;
  private final WriteTransactions writes;
  private final Clock clock;
  private final Duration poll;
  private final Semaphore doorbell = new Semaphore(0);
  private final ReentrantLock catchingUp = new ReentrantLock();
  private volatile Thread worker;
  private volatile boolean paused;

  StoryIndexer(
      StoryIndexQueue queue,
      Stories stories,
      StorySearch search,
      WriteTransactions writes,
      Clock clock,
      @Value("${storyvault.stories.index-poll:PT1S}") Duration poll) {
    this.queue = queue;
    this.stories = stories;
    this.search = search;
    this.writes = writes;
    this.clock = clock;
    this.poll = poll;
  }

  /**
   * In a write's transaction, before the story's row is written (see {@link StoryIndexQueue}):
   * queues the story, unless the write indexes it itself ({@link StorySearch#indexesInWrite}).
   */
  void queue(String storyId) {
    if (search.indexesInWrite()) return;
    queue.add(storyId, clock.millis());
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      doorbell.release();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            doorbell.release();
          }
        });
  }

  /**
   * In a write's transaction, after the changed story's row is written: indexes it there if writes
   * do ({@link StorySearch#indexesInWrite}; a new story's entry comes with its row).
   */
  void written(Story story) {
    if (search.indexesInWrite()) search.index(story);
  }

  /**
   * Indexes what is queued before a search runs. Concurrent searches wait for one catch-up rather
   * than each doing it.
   */
  void catchUp() {
    if (queue.isEmpty()) return;
    catchingUp.lock();
    try {
      // why a bound: what was queued before the search must be taken in, oldest first; what is
      // queued meanwhile need not, and under a steady stream of writes could keep it going
      int rounds = queue.size() / BATCH + 2;
      for (int round = 0; round < rounds && !queue.isEmpty(); round++) indexBatch(false);
    } finally {
      catchingUp.unlock();
    }
  }

  /** One batch in one transaction; how many queued stories it took. */
  int indexBatch(boolean skipBusy) {
    return writes.execute(
        () -> {
          List<String> ids = queue.take(BATCH, skipBusy);
          if (ids.isEmpty()) return 0;
          stories.findAll(ids).forEach(search::index);
          queue.remove(ids);
          return ids.size();
        });
  }

  /** For tests: stops the background indexing (searches still catch up), or starts it again. */
  void pause(boolean paused) {
    this.paused = paused;
    doorbell.release();
  }

  private void work() {
    while (worker == Thread.currentThread()) {
      try {
        if (doorbell.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS))
          Thread.sleep(GATHER_MILLIS);
        doorbell.drainPermits();
        while (!paused && indexBatch(true) == BATCH) {}
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Story indexing failed; retrying in {}: {}", poll, e.getMessage());
      }
    }
  }

  @Override
  public synchronized void start() {
    // why assigned before it starts: the thread runs only while it is the worker
    worker = Thread.ofPlatform().name("story-indexer").daemon().unstarted(this::work);
    worker.start();
  }

  @Override
  public synchronized void stop() {
    Thread running = worker;
    worker = null;
    if (running == null) return;
    running.interrupt();
    try {
      running.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return worker != null;
  }
}
