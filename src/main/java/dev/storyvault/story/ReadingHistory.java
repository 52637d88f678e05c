package dev.storyvault.story;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person has read (003): recorded when people (not services) open a story, newest first.
 * Opens are gathered in memory and written together about once a second (a write per GET went
 * through the single writer and took most of a story read's time); a crash may lose the last second
 * of history, which the reader can live with.
 */
@RestController
class ReadingHistory implements AutoCloseable {

  private record Reader(String userId, String storyId) {}

  private final Clock clock;

  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final Map<Reader, Long> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("reading-history").daemon().factory());

  ReadingHistory(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.writes = writes;
    flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** Notes that a person opened the story; the GET itself writes nothing. */
  void opened(Caller caller, Story story) {
    if (caller.isAnonymous() || (caller.role() != Role.USER && caller.role() != Role.GUEST)) return;
    pending.merge(new Reader(caller.userId(), story.id()), clock.millis(), Math::max);
  }

  /** Writes what was opened since the last flush, for everyone (or one person, when not null). */
  synchronized void flush(String onlyUserId) {
    Map<Reader, Long> batch = new HashMap<>();
    for (Reader reader : pending.keySet()) {
      if (onlyUserId != null && !onlyUserId.equals(reader.userId())) continue;
      Long at = pending.remove(reader);
      if (at != null) batch.put(reader, at);
    }
    if (batch.isEmpty()) return;
    writes.run(() -> batch.forEach(this::upsert));
  }

  /** In the transaction that erases the person: what is still in memory is never written. */
  synchronized void forget(String userId) {
    pending.keySet().removeIf(reader -> reader.userId().equals(userId));
  }

  private void upsert(Reader reader, long at) {
    jdbc.sql(
            """
            INSERT INTO reading_history (user_id, story_id, read_at)
            SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)
            ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = excluded.read_at
            WHERE reading_history.read_at < excluded.read_at""")
        .params(reader.userId(), reader.storyId(), at, reader.storyId())
        .update();
  }

  private void flushQuietly() {
    try {
      flush(null);
    } catch (RuntimeException e) {
      // why quiet: the next flush writes newer opens; history is informational
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    flushQuietly();
  }

  @GetMapping("/api/user/history")
  Map<String, Object> history(Caller caller) {
    caller.requireAuthenticated();
    flush(caller.userId());
    List<Map<String, Object>> items =
        jdbc.sql(
                """
                SELECT h.story_id, s.title, h.read_at FROM reading_history h JOIN stories s ON s.id = h.story_id
                WHERE h.user_id = ? ORDER BY h.read_at DESC LIMIT 100""")
            .param(caller.userId())
            .query(
                (rs, n) -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("story_id", rs.getString(1));
                  entry.put("title", rs.getString(2));
                  entry.put("read_at", Instant.ofEpochMilli(rs.getLong(3)).toString());
                  return entry;
                })
            .list();
    return Map.of("items", items);
  }
}
