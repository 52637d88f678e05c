package dev.storyvault.jobs;

import dev.storyvault.story.Page;
import dev.storyvault.story.StoryDrafts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code page.illustrate} and {@code page.narrate}: one page of a story drawn or voiced again,
 * replacing what it had.
 */
@Component
class PageRedo {

  private final StoryDrafts drafts;
  private final PageMedia media;

  PageRedo(StoryDrafts drafts, PageMedia media) {
    this.drafts = drafts;
    this.media = media;
  }

  Map<String, Object> run(JobContext job, boolean illustrate) {
    String storyId = (String) job.input().get("story_id");
    int number = ((Number) job.input().get("page")).intValue();
    StoryDrafts.Continuable story = drafts.continuable(job.owner(), storyId, 0);
    Page page =
        drafts.pages(storyId).stream()
            .filter(p -> p.pageNumber() == number)
            .findFirst()
            .orElseThrow(
                () -> JobInputs.invalid("input.page", "The story has no page " + number + "."));
    long seed = job.input().get("seed") instanceof Number n ? n.longValue() : System.nanoTime();
    PageMedia.Look look =
        new PageMedia.Look(
            story.characters(), null, 768, 512, (String) job.input().get("voice"), seed);
    if (illustrate)
      media.illustrate(job, storyId, List.of(number), List.of(page.text()), look, 10, 95);
    else media.narrate(job, storyId, List.of(number), List.of(page.text()), look, 10, 95);
    return Map.of(
        "story_id",
        storyId,
        "page",
        number,
        "assets",
        PageMedia.assetIds(job),
        "story_version",
        drafts.version(storyId));
  }
}
