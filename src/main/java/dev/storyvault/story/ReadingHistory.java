package dev.storyvault.story;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a person has read (003): recorded when people (not services) open a story, newest first. */
@RestController
class ReadingHistory {

  private final Clock clock;

  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final ApplicationEventPublisher events;

  ReadingHistory(
      JdbcClient jdbc, Clock clock, WriteTransactions writes, ApplicationEventPublisher events) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.writes = writes;
    this.events = events;
  }

  /** Announces that a person opened the story; the GET itself writes nothing. */
  void opened(Caller caller, Story story) {
    if (caller.isAnonymous() || (caller.role() != Role.USER && caller.role() != Role.GUEST)) return;
    events.publishEvent(new StoryOpened(story.id(), caller.userId(), clock.millis()));
  }

  /**
   * why not a durable (module) listener: that would add two writes to every read by a person; a
   * crash may lose the last few seconds of history, which the reader can live with.
   */
  @Async
  @EventListener
  void record(StoryOpened opened) {
    writes.run(
        () ->
            jdbc.sql(
                    """
                INSERT INTO reading_history (user_id, story_id, read_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = excluded.read_at
                WHERE reading_history.read_at < excluded.read_at""")
                .params(opened.userId(), opened.storyId(), opened.openedAtMillis())
                .update());
  }

  @GetMapping("/api/user/history")
  Map<String, Object> history(Caller caller) {
    caller.requireAuthenticated();
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
