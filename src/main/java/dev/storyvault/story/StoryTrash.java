package dev.storyvault.story;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.document.Rows;
import dev.storyvault.trash.Trash;
import dev.storyvault.trash.Trashable;
import dev.storyvault.trash.TrashedItem;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deleted story in the trash: its row, versions and share links as they were. Its asset
 * references stay while it is there (so the pictures it shows cannot be deleted from under a
 * restore) and go when it is purged.
 */
@Component
class StoryTrash implements Trashable {

  static final String KIND = "story";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String ROW =
      "SELECT id, doc_number, owner_id, title, status, category, age_group, is_public, version,"
          + " document, listing, word_count, image_count, audio_duration_ms, created_at, updated_at"
          + " FROM stories WHERE id = ?";

  record Kept(
      List<Map<String, Object>> story,
      List<Map<String, Object>> versions,
      List<Map<String, Object>> links) {}

  private final JdbcClient jdbc;
  private final Trash trash;
  private final Stories stories;
  private final StoryIndexer indexer;
  private final AssetDirectory assets;
  private final ApplicationEventPublisher events;

  StoryTrash(
      JdbcClient jdbc,
      Trash trash,
      Stories stories,
      StoryIndexer indexer,
      AssetDirectory assets,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.trash = trash;
    this.stories = stories;
    this.indexer = indexer;
    this.assets = assets;
    this.events = events;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** In the deleting transaction, before the rows go. */
  void keep(Story story) {
    Kept kept =
        new Kept(
            Rows.capture(jdbc, ROW, story.id()),
            Rows.capture(jdbc, "SELECT * FROM story_versions WHERE story_id = ?", story.id()),
            Rows.capture(jdbc, "SELECT * FROM share_links WHERE story_id = ?", story.id()));
    String payload = JSON.writeValueAsString(kept);
    trash.put(
        KIND, story.id(), story.ownerId(), story.content().title(), payload.length(), payload);
  }

  @Override
  public void restore(TrashedItem item) {
    Kept kept = JSON.readValue(item.payload(), new TypeReference<Kept>() {});
    indexer.queue(item.itemId());
    Rows.insert(jdbc, "stories", kept.story().getFirst());
    kept.versions().forEach(row -> Rows.insert(jdbc, "story_versions", row));
    kept.links().forEach(row -> Rows.insert(jdbc, "share_links", row));
    Story story = stories.find(item.itemId()).orElseThrow();
    stories.changed(story);
    stories.insertTagsAndShares(story);
    indexer.written(story);
    events.publishEvent(new StoryCreated(story.id(), story.ownerId()));
  }

  @Override
  public void purge(TrashedItem item) {
    assets.recordReferences(StoryEditor.REFERRER, item.itemId(), List.of());
  }
}
