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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code story.generate}: script expansion → continuity validation → illustration → narration →
 * upload → finalization (004). The story exists from the script on and fills in page by page, so a
 * reader sees page 1 while page 5 is drawn. Every effect (the story, each asset) is saved with the
 * job's record of it, so a job resumed after a crash or a retry skips what is done and makes
 * nothing twice.
 */
@Component
class StoryGeneration {

  private static final Duration STEP = Duration.ofSeconds(120);

  private final Generation generation;
  private final StoryDrafts drafts;
  private final PageMedia media;
  private final ContinuityValidator validator = new ContinuityValidator();

  StoryGeneration(Generation generation, StoryDrafts drafts, PageMedia media) {
    this.generation = generation;
    this.drafts = drafts;
    this.media = media;
  }

  Map<String, Object> run(JobContext job) {
    StoryInput input = StoryInput.of(job.input());
    if (job.state().get("texts") == null) script(job, input, input.seed());
    if (job.state().get("story_id") == null) continuity(job, input);
    String storyId = (String) job.state().get("story_id");
    List<String> texts = texts(job);
    List<Integer> numbers =
        java.util.stream.IntStream.rangeClosed(1, texts.size()).boxed().toList();
    PageMedia.Look look =
        new PageMedia.Look(
            input.characters(),
            input.setting(),
            input.width(),
            input.height(),
            input.voice(),
            input.seed());
    if (input.illustrate()) media.illustrate(job, storyId, numbers, texts, look, 25, 65);
    if (input.narrate()) media.narrate(job, storyId, numbers, texts, look, 65, 95);
    job.stage("finalization", JobStatus.PREVIEW_READY, 97);
    job.step("finalized", Map.of(), 99, () -> drafts.complete(job.owner(), storyId));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("story_id", storyId);
    result.put("pages", texts.size());
    result.put("assets", PageMedia.assetIds(job));
    result.put("story_version", drafts.version(storyId));
    return result;
  }

  private void script(JobContext job, StoryInput input, long seed) {
    job.stage("script_expansion", JobStatus.PROCESSING, 5);
    Routed<TextResult> routed =
        generation.text(new TextRequest(List.of(), 4096, seed, input.brief()), STEP, null);
    job.used(routed);
    String[] parts = routed.result().text().split("\n\n");
    String title = parts[0].strip();
    List<String> pages = new ArrayList<>(Arrays.asList(parts).subList(1, parts.length));
    while (pages.size() > input.pages()) pages.removeLast();
    if (pages.isEmpty()) pages.add(title);
    job.step(
        "script_ready",
        Map.of("title", title, "pages", pages.size()),
        15,
        () -> {
          job.state().put("title", title);
          job.state().put("texts", pages);
        });
    job.stage("script_expansion", JobStatus.SCRIPT_READY, 20);
  }

  /**
   * Checks every page against the bible (the brief's cast): drifted names are corrected; errors
   * make the script be written once more; errors then fail the job with the issues. The story is
   * made from what passed.
   */
  private void continuity(JobContext job, StoryInput input) {
    job.stage("continuity_validation", JobStatus.SCRIPT_READY, 20);
    Bible bible = Bible.ofNames(input.characters());
    List<ContinuityIssue> errors = corrected(job, bible);
    if (!errors.isEmpty() && !job.state().containsKey("rewritten")) {
      job.state().put("rewritten", true);
      script(job, input, input.seed() + 1);
      errors = corrected(job, bible);
    }
    if (!errors.isEmpty()) throw ContinuityFailed.of(errors);
    List<String> texts = texts(job);
    String title = (String) job.state().get("title");
    job.step(
        "continuity_checked",
        Map.of("pages", texts.size()),
        25,
        () ->
            job.state()
                .put("story_id", drafts.create(job.owner(), title, input.parameters(), texts)));
    job.stage("continuity_validation", JobStatus.CONTINUITY_CHECKED, 25);
  }

  /** Corrects what can be corrected in the pages; the errors that remain. */
  private List<ContinuityIssue> corrected(JobContext job, Bible bible) {
    List<String> texts = new ArrayList<>(texts(job));
    List<ContinuityIssue> errors = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      List<ContinuityIssue> issues = validator.check(texts.get(i), bible, i + 1);
      texts.set(i, validator.autoCorrect(texts.get(i), issues));
      issues.stream().filter(ContinuityIssue::isError).forEach(errors::add);
    }
    job.state().put("texts", texts);
    return errors;
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(JobContext job) {
    return (List<String>) job.state().get("texts");
  }

  /** The validated input of {@code story.generate}. */
  record StoryInput(
      String title,
      List<String> characters,
      List<String> universes,
      String theme,
      String moral,
      int pages,
      String ageGroup,
      boolean illustrate,
      boolean narrate,
      int width,
      int height,
      String voice,
      long seed) {

    static StoryInput of(Map<String, Object> in) {
      return new StoryInput(
          (String) in.get("title"),
          JobInputs.strings(in, "characters"),
          JobInputs.strings(in, "universes"),
          (String) in.get("theme"),
          (String) in.get("moral_lesson"),
          ((Number) in.getOrDefault("pages", 5)).intValue(),
          (String) in.get("age_group"),
          !Boolean.FALSE.equals(in.get("illustrate")),
          !Boolean.FALSE.equals(in.get("narrate")),
          ((Number) in.getOrDefault("width", 768)).intValue(),
          ((Number) in.getOrDefault("height", 512)).intValue(),
          (String) in.get("voice"),
          ((Number) in.getOrDefault("seed", 0)).longValue());
    }

    StoryBrief brief() {
      return new StoryBrief(
          title, universes, characters, theme, moral, pages, ageGroup, null, null, null);
    }

    String setting() {
      return universes.isEmpty() ? theme : universes.getFirst();
    }

    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("characters", characters);
      if (!universes.isEmpty()) p.put("universes", universes);
      if (theme != null) p.put("theme", theme);
      if (moral != null) p.put("moral_lesson", moral);
      if (ageGroup != null) p.put("age_group", ageGroup);
      p.put("length", pages + (pages == 1 ? " page" : " pages"));
      return p;
    }
  }
}
