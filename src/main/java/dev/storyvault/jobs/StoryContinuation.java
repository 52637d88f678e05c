package dev.storyvault.jobs;

import dev.storyvault.ai.Generation;
import dev.storyvault.ai.Routed;
import dev.storyvault.ai.StoryBrief;
import dev.storyvault.ai.TextRequest;
import dev.storyvault.ai.TextResult;
import dev.storyvault.continuity.Bible;
import dev.storyvault.continuity.ContinuityIssue;
import dev.storyvault.continuity.ContinuityValidator;
import dev.storyvault.story.StoryDrafts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code story.continue} (004 §3.1): the reader's wish, the story bible and the last pages → the
 * next page(s), checked against the bible (drifted names corrected; errors: one rewrite, then the
 * job fails with the issues), appended to the story, then illustrated and narrated like a new
 * story's pages.
 */
@Component
class StoryContinuation {

  private static final Duration STEP = Duration.ofSeconds(120);
  private static final int RECENT = 3;

  private final Generation generation;
  private final StoryDrafts drafts;
  private final PageMedia media;
  private final ContinuityValidator validator = new ContinuityValidator();

  StoryContinuation(Generation generation, StoryDrafts drafts, PageMedia media) {
    this.generation = generation;
    this.drafts = drafts;
    this.media = media;
  }

  Map<String, Object> run(JobContext job) {
    Map<String, Object> in = job.input();
    String storyId = (String) in.get("story_id");
    StoryDrafts.Continuable story = drafts.continuable(job.owner(), storyId, RECENT);
    long seed = in.get("seed") instanceof Number n ? n.longValue() : 0;
    if (job.state().get("page_numbers") == null) write(job, story, in, seed);
    @SuppressWarnings("unchecked")
    List<Integer> numbers =
        ((List<Number>) job.state().get("page_numbers")).stream().map(Number::intValue).toList();
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) job.state().get("texts");
    PageMedia.Look look =
        new PageMedia.Look(story.characters(), null, 768, 512, (String) in.get("voice"), seed);
    if (!Boolean.FALSE.equals(in.get("illustrate")))
      media.illustrate(job, storyId, numbers, texts, look, 25, 65);
    if (!Boolean.FALSE.equals(in.get("narrate")))
      media.narrate(job, storyId, numbers, texts, look, 65, 95);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("story_id", storyId);
    result.put("pages", numbers);
    result.put("assets", PageMedia.assetIds(job));
    result.put("story_version", drafts.version(storyId));
    return result;
  }

  private void write(
      JobContext job, StoryDrafts.Continuable story, Map<String, Object> in, long seed) {
    job.stage("script_expansion", JobStatus.PROCESSING, 5);
    Bible bible = bible(story);
    List<String> texts = draft(job, story, in, seed);
    job.stage("script_expansion", JobStatus.SCRIPT_READY, 15);
    job.stage("continuity_validation", JobStatus.SCRIPT_READY, 18);
    List<ContinuityIssue> errors = corrected(texts, bible, story.pageCount());
    if (!errors.isEmpty()) {
      texts = draft(job, story, in, seed + 1);
      errors = corrected(texts, bible, story.pageCount());
    }
    if (!errors.isEmpty()) throw ContinuityFailed.of(errors);
    List<String> checked = texts;
    job.step(
        "continuity_checked",
        Map.of("pages", checked.size()),
        22,
        () -> {
          job.state().put("texts", checked);
          job.state().put("page_numbers", drafts.append(job.owner(), story.storyId(), checked));
        });
    job.stage("continuity_validation", JobStatus.CONTINUITY_CHECKED, 25);
  }

  private List<String> draft(
      JobContext job, StoryDrafts.Continuable story, Map<String, Object> in, long seed) {
    int pages = in.get("pages") instanceof Integer p ? p : 1;
    StoryBrief brief =
        new StoryBrief(
            null,
            List.of(),
            story.characters(),
            null,
            null,
            pages,
            null,
            story.bible(),
            story.recentPages().isEmpty() ? List.of("") : story.recentPages(),
            (String) in.get("continuation"));
    Routed<TextResult> routed =
        generation.text(new TextRequest(List.of(), 2048, seed, brief), STEP, null);
    job.used(routed);
    List<String> texts = new ArrayList<>();
    for (String part : routed.result().text().split("\n\n"))
      if (!part.isBlank() && texts.size() < pages) texts.add(part.strip());
    return texts.isEmpty() ? List.of(routed.result().text().strip()) : texts;
  }

  /** Corrects drifted names in place; the errors that remain. */
  private List<ContinuityIssue> corrected(List<String> texts, Bible bible, int pagesBefore) {
    List<ContinuityIssue> errors = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      List<ContinuityIssue> issues = validator.check(texts.get(i), bible, pagesBefore + i + 1);
      texts.set(i, validator.autoCorrect(texts.get(i), issues));
      issues.stream().filter(ContinuityIssue::isError).forEach(errors::add);
    }
    return errors;
  }

  private static Bible bible(StoryDrafts.Continuable story) {
    return Bible.of(story.bible()).withCast(story.characters());
  }
}
