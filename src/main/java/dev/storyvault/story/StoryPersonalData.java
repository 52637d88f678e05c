package dev.storyvault.story;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.VersionHistory;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import dev.storyvault.identity.Role;
import dev.storyvault.identity.Scope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's stories (each with every version and its share links' metadata) and reading history.
 * Erased through the editor, so the search index, asset references, exports and CDN copies follow
 * as for any delete; stories other people shared with them get a new version without them.
 */
@Component
@Order(20)
class StoryPersonalData implements PersonalData {

  private final Stories stories;
  private final StoryEditor editor;
  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final ReadingHistory history;

  StoryPersonalData(
      Stories stories,
      StoryEditor editor,
      JdbcClient jdbc,
      WriteTransactions writes,
      ReadingHistory history) {
    this.history = history;
    this.stories = stories;
    this.editor = editor;
    this.jdbc = jdbc;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "stories";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    for (String id : stories.ownedBy(userId)) {
      String document = stories.storedDocument(id).orElse(null);
      if (document == null) continue;
      archive.file("stories/" + id + "/story.json", text(document));
      for (VersionHistory.Version v : stories.storedVersions(id))
        archive.file("stories/" + id + "/versions/" + v.version() + ".json", text(v.document()));
      archive.json("stories/" + id + "/share-links.json", shareLinks(id));
    }
    history.flush(userId);
    archive.json(
        "stories/reading-history.json",
        jdbc.sql("SELECT story_id, read_at FROM reading_history WHERE user_id = ? ORDER BY read_at")
            .param(userId)
            .query(
                (rs, n) ->
                    Map.of(
                        "story_id",
                        rs.getString(1),
                        "read_at",
                        Instant.ofEpochMilli(rs.getLong(2)).toString()))
            .list());
  }

  private List<Map<String, Object>> shareLinks(String storyId) {
    return jdbc.sql(
            "SELECT id, created_at, revoked_at FROM share_links WHERE story_id = ? ORDER BY id")
        .param(storyId)
        .query(
            (rs, n) -> {
              Map<String, Object> link = new LinkedHashMap<>();
              link.put("id", rs.getString(1));
              link.put("created_at", Instant.ofEpochMilli(rs.getLong(2)).toString());
              link.put(
                  "revoked_at",
                  rs.getObject(3) == null ? null : Instant.ofEpochMilli(rs.getLong(3)).toString());
              return link;
            })
        .list();
  }

  @Override
  public int erase(String userId, String heir) {
    int removed = 0;
    for (String id : stories.ownedBy(userId)) {
      Story story = stories.find(id).orElse(null);
      if (story == null) continue;
      editor.erase(story);
      removed++;
    }
    for (String id : stories.sharedWith(userId)) unshare(id, userId);
    writes.run(
        () -> {
          history.forget(userId);
          jdbc.sql("DELETE FROM reading_history WHERE user_id = ?").param(userId).update();
          stories.forget(userId, heir);
        });
    return removed;
  }

  /** A new version of someone else's story, shared with one person fewer (retried if it moved). */
  private void unshare(String storyId, String userId) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Story story = stories.find(storyId).orElse(null);
      if (story == null || !story.content().sharedWith().contains(userId)) return;
      StoryContent c = story.content();
      StoryContent without =
          new StoryContent(
              c.title(),
              c.status(),
              c.category(),
              c.tags(),
              c.parameters(),
              c.pages(),
              c.bible(),
              c.isPublic(),
              c.sharedWith().stream().filter(u -> !u.equals(userId)).toList());
      Caller owner = new Caller(story.ownerId(), Role.USER, Set.of(Scope.READ, Scope.WRITE));
      try {
        editor.update(owner, story, without, story.version());
        return;
      } catch (RuntimeException stale) {
        if (attempt == 4) throw stale;
      }
    }
  }

  private static ByteArrayInputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
