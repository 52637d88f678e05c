package dev.storyvault.story;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every change to a story, in one transaction each: the row, a new version, tags, shares, its place
 * in the search index's queue ({@link StoryIndexer}), asset references and the domain event move
 * together or not at all. Creates and updates go through {@link WriteTransactions}, so on SQLite
 * concurrent ones share a commit.
 */
@Component
class StoryEditor {

  private final Clock clock;

  static final String REFERRER = "story";

  private final Stories stories;
  private final StorySearch search;
  private final PageInspector pages;
  private final AssetDirectory assets;
  private final ApplicationEventPublisher events;
  private final WriteTransactions writes;
  private final StoryTrash trash;
  private final StoryIndexer indexer;

  StoryEditor(
      StoryTrash trash,
      StoryIndexer indexer,
      Stories stories,
      StorySearch search,
      PageInspector pages,
      AssetDirectory assets,
      ApplicationEventPublisher events,
      WriteTransactions writes,
      Clock clock) {
    this.trash = trash;
    this.indexer = indexer;
    this.clock = clock;
    this.writes = writes;
    this.stories = stories;
    this.search = search;
    this.pages = pages;
    this.assets = assets;
    this.events = events;
  }

  public Story create(Caller caller, StoryContent content) {
    Instant now = now();
    Story story =
        new Story(
            Ids.next("sty"),
            caller.userId(),
            content,
            pages.inspect(caller, caller.userId(), content),
            1,
            now,
            now);
    Stories.Serialized stored = stories.serialize(story);
    // why not saved(): a new story has no tags, shares, index entry or references to replace, and
    // under
    // SQLite's single writer every statement skipped is time no other writer can use
    writes.run(
        () -> {
          indexer.queue(story.id());
          long docNumber = search.nextDocNumber();
          stories.insert(story, docNumber, stored, search.rowColumns(story, docNumber));
          stories.recordVersion(story, caller.userId(), stored.document());
          if (!story.content().assetIds().isEmpty()) recordReferences(story);
          events.publishEvent(new StoryCreated(story.id(), story.ownerId()));
        });
    return story;
  }

  /**
   * Replaces the content if {@code expectedVersion} (from If-Match, or as read) is still current.
   * why the work before the transaction: SQLite admits one writer at a time, so computing metadata
   * and writing JSON inside it would make every other writer wait for that too.
   */
  public Story update(Caller caller, Story current, StoryContent content, int expectedVersion) {
    if (expectedVersion != current.version()) throw stale();
    Story updated =
        new Story(
            current.id(),
            current.ownerId(),
            content,
            pages.inspect(caller, current.ownerId(), content),
            current.version() + 1,
            current.createdAt(),
            now());
    Stories.Serialized stored = stories.serialize(updated);
    writes.run(
        () -> {
          indexer.queue(updated.id());
          if (!stories.update(updated, expectedVersion, stored)) throw stale();
          saved(updated, caller, stored.document());
          indexer.written(updated);
          events.publishEvent(new StoryChanged(updated.id(), updated.ownerId(), updated.version()));
        });
    return updated;
  }

  /**
   * Moves the story to the trash: out of every read (row, index), kept restorable until the grace
   * period ends; its asset references stay until it is purged.
   */
  public void delete(Story story) {
    writes.run(
        () -> {
          trash.keep(story);
          search.remove(story.id());
          stories.delete(story);
          events.publishEvent(new StoryDeleted(story.id(), story.ownerId()));
        });
  }

  /** Deletes the story at once, not into the trash (abandoned, or a person's data erased). */
  void erase(Story story) {
    writes.run(
        () -> {
          search.remove(story.id());
          assets.recordReferences(REFERRER, story.id(), List.of());
          stories.delete(story);
          events.publishEvent(new StoryDeleted(story.id(), story.ownerId()));
        });
  }

  private void saved(Story story, Caller caller, String document) {
    stories.recordVersion(story, caller.userId(), document);
    recordReferences(story);
  }

  /**
   * why inside the write: an asset deleted after the checks before it would leave a page pointing
   * at nothing.
   */
  private void recordReferences(Story story) {
    Set<String> gone = assets.recordReferences(REFERRER, story.id(), story.content().assetIds());
    if (!gone.isEmpty())
      throw PageInspector.invalid(
          "content.pages",
          "Asset '"
              + gone.iterator().next()
              + "' was deleted while this story was being saved; upload it again or remove it from the page.");
  }

  static ApiProblem stale() {
    return Preconditions.stale("story");
  }

  private Instant now() {
    return clock.instant();
  }
}
