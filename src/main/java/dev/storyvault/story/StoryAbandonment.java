package dev.storyvault.story;

import dev.storyvault.trash.Abandonable;
import dev.storyvault.trash.StorageUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Abandoned stories: still {@code generating} and untouched since the cutoff (a generation that
 * never finished). Drafts have their own time to live ({@link DraftExpiry}). Also how many stories
 * each owner has.
 */
@Component
class StoryAbandonment implements Abandonable, StorageUsage {

  private final JdbcClient jdbc;
  private final Stories stories;
  private final StoryEditor editor;

  StoryAbandonment(JdbcClient jdbc, Stories stories, StoryEditor editor) {
    this.jdbc = jdbc;
    this.stories = stories;
    this.editor = editor;
  }

  @Override
  public String kind() {
    return StoryTrash.KIND;
  }

  @Override
  public List<Candidate> abandoned(Instant cutoff, int limit) {
    return jdbc.sql(
            "SELECT id, owner_id, title, LENGTH(document) FROM stories"
                + " WHERE status = 'GENERATING' AND updated_at < ? ORDER BY updated_at LIMIT ?")
        .params(cutoff.toEpochMilli(), limit)
        .query(
            (rs, n) ->
                new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  @Override
  public boolean removeIfAbandoned(String itemId, Instant cutoff) {
    Story story =
        stories
            .find(itemId)
            .filter(s -> s.content().status() == StoryStatus.GENERATING)
            .filter(s -> s.updatedAt().isBefore(cutoff))
            .orElse(null);
    if (story == null) return false;
    editor.erase(story);
    return true;
  }

  @Override
  public Map<String, Map<String, Long>> byOwner() {
    Map<String, Map<String, Long>> usage = new HashMap<>();
    StorageUsage.add(
        jdbc, usage, "stories", "SELECT owner_id, COUNT(*) FROM stories GROUP BY owner_id");
    return usage;
  }
}
