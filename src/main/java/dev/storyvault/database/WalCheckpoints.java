package dev.storyvault.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * SQLite: copies the write-ahead log into the database file in the background. Left to SQLite, the
 * commit that fills the log past 1,000 pages does the copy and its fsync itself, and every writer
 * queued behind that commit waits for it. Connections are opened with automatic checkpoints off
 * (see {@link DatabaseConfiguration}); several times a second this runs a passive checkpoint, which
 * waits for no one, then a second one while holding the application's writer lock, which has only
 * the pages written meanwhile left to copy and so finishes in a millisecond or two. Only a finished
 * checkpoint lets the next writer start the log over: passive runs alone never caught up with
 * continuous writes (the log grew to 576 MB in 12 s and commits slowed); with the locked pass it
 * stays within tens of MB, and story creates went from 1,350 to 1,530–1,670/s (bench/story-store).
 * A truncating checkpoint is the fallback should readers keep the log from restarting.
 */
final class WalCheckpoints implements SmartLifecycle {

  static final String CONNECTION_INIT = "PRAGMA wal_autocheckpoint=0";
  private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);
  private static final long EVERY_MILLIS = 200;

  /**
   * why 16,384 pages (64 MiB): well past what 200 ms of writes adds, so only a stuck passive run
   * triggers it.
   */
  private static final int TRUNCATE_ABOVE_PAGES = 16_384;

  private final DataSource dataSource;
  private final Lock writers;
  private ScheduledExecutorService executor;
  private Progress lastLocked;

  WalCheckpoints(DataSource dataSource, Lock writers) {
    this.dataSource = dataSource;
    this.writers = writers;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("wal-checkpoints").daemon().factory());
    executor.scheduleWithFixedDelay(
        this::checkpoint, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
    run("TRUNCATE");
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  void checkpoint() {
    Progress unlocked = run("PASSIVE");
    // why not unlocked.finished(): it counts the log as the checkpoint found it; writers may have
    // added since
    if (unlocked.pagesInLog() == 0 || unlocked.equals(lastLocked) && unlocked.finished()) return;
    Progress locked;
    writers.lock();
    try {
      locked = run("PASSIVE");
      lastLocked = locked;
    } finally {
      writers.unlock();
    }
    if (locked.pagesInLog() > TRUNCATE_ABOVE_PAGES) run("TRUNCATE");
  }

  /**
   * What a checkpoint reported: pages in the log, and how many of them are now in the database
   * file.
   */
  record Progress(int pagesInLog, int copied) {
    boolean finished() {
      return copied >= pagesInLog;
    }
  }

  /** Runs one checkpoint; one that could not run reports nothing left to do. */
  Progress run(String mode) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      return result.next() ? new Progress(result.getInt(2), result.getInt(3)) : new Progress(0, 0);
    } catch (SQLException e) {
      log.warn("WAL checkpoint ({}) failed: {}", mode, e.getMessage());
      return new Progress(0, 0);
    }
  }
}
