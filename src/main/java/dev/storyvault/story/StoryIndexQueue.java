package dev.storyvault.story;

import dev.storyvault.database.Dialect;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stories whose full-text entries are behind their rows ({@code story_index_queue}). Writers
 * queue a story first in their transaction, before they touch its row: on PostgreSQL the indexer
 * holds the queue row while it updates the story's row, so both take the two in the same order and
 * neither waits for the other in a cycle.
 */
@Component
class StoryIndexQueue {

  private final JdbcClient jdbc;
  private final Dialect dialect;

  StoryIndexQueue(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * why DO UPDATE rather than DO NOTHING: on PostgreSQL it waits for an indexer holding the row,
   * and once that indexer has deleted it, queues the story again, so a change committed after the
   * indexer read the story is indexed too.
   */
  void add(String storyId, long now) {
    jdbc.sql(
            "INSERT INTO story_index_queue (story_id, queued_at) VALUES (?, ?)"
                + " ON CONFLICT (story_id) DO UPDATE SET queued_at = excluded.queued_at")
        .params(storyId, now)
        .update();
  }

  int size() {
    return jdbc.sql("SELECT COUNT(*) FROM story_index_queue").query(Integer.class).single();
  }

  boolean isEmpty() {
    return jdbc.sql("SELECT 1 FROM story_index_queue LIMIT 1")
        .query(Integer.class)
        .optional()
        .isEmpty();
  }

  /**
   * Up to {@code limit} queued stories, oldest first, held until the transaction ends. {@code
   * skipBusy}: on PostgreSQL pass over stories another indexer holds (the background); otherwise
   * wait for it (a search that must see them indexed).
   */
  List<String> take(int limit, boolean skipBusy) {
    return jdbc.sql(
            "SELECT story_id FROM story_index_queue ORDER BY queued_at, story_id LIMIT ?"
                + (skipBusy ? dialect.skipLocked() : dialect.lockForUpdate()))
        .param(limit)
        .query(String.class)
        .list();
  }

  void remove(List<String> storyIds) {
    if (storyIds.isEmpty()) return;
    jdbc.sql(
            "DELETE FROM story_index_queue WHERE story_id IN ("
                + String.join(", ", Collections.nCopies(storyIds.size(), "?"))
                + ")")
        .params(storyIds)
        .update();
  }
}
