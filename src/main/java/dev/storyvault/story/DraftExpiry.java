package dev.storyvault.story;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Deletes drafts nobody has touched for the configured time to live (30 days by default). */
@Component
class DraftExpiry {

  private final Clock clock;

  private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);

  private final Stories stories;
  private final StoryEditor editor;
  private final Duration ttl;

  DraftExpiry(
      Stories stories,
      StoryEditor editor,
      @Value("${storyvault.stories.draft-ttl:P30D}") Duration ttl,
      Clock clock) {
    this.clock = clock;
    this.stories = stories;
    this.editor = editor;
    this.ttl = ttl;
  }

  int sweep() {
    return expireOlderThan(clock.millis() - ttl.toMillis());
  }

  int expireOlderThan(long cutoffMillis) {
    int removed = 0;
    for (String id : stories.expiredDrafts(cutoffMillis, 500)) {
      // why: re-read so that a draft touched since the query (or no longer a draft) survives
      var story =
          stories
              .find(id)
              .filter(
                  s ->
                      s.content().status() == StoryStatus.DRAFT
                          && s.updatedAt().toEpochMilli() < cutoffMillis);
      if (story.isPresent()) {
        editor.delete(story.get());
        removed++;
      }
    }
    if (removed > 0) log.info("Expired {} untouched drafts", removed);
    return removed;
  }
}
