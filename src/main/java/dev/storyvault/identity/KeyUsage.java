package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each key was last used, written in batches every few seconds through the write path instead
 * of by every request (an autocommit write per request queued behind SQLite's writer). Each
 * instance flushes its own; a crash loses at most the last few seconds of "last used", which is
 * informational.
 */
@Component
class KeyUsage implements AutoCloseable {

  private static final long FLUSH_SECONDS = 5;

  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final Clock clock;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("key-usage").daemon().factory());

  KeyUsage(JdbcClient jdbc, WriteTransactions writes, Clock clock) {
    this.jdbc = jdbc;
    this.writes = writes;
    this.clock = clock;
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  void used(String keyId) {
    pending.put(keyId, clock.millis());
  }

  void flush() {
    if (pending.isEmpty()) return;
    Map<String, Long> batch = Map.copyOf(pending);
    batch.forEach(pending::remove);
    writes.run(
        () ->
            batch.forEach(
                (id, at) ->
                    jdbc.sql(
                            "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                        .params(at, id, at)
                        .update()));
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      // why quiet: last-used times are informational; the next flush tries again with newer ones
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    flushQuietly();
  }
}
