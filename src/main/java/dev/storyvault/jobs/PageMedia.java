package dev.storyvault.jobs;

import dev.storyvault.ai.Generation;
import dev.storyvault.ai.ImageRequest;
import dev.storyvault.ai.ImageResult;
import dev.storyvault.ai.Routed;
import dev.storyvault.ai.SpeechRequest;
import dev.storyvault.ai.SpeechResult;
import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetView;
import dev.storyvault.story.StoryDrafts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The illustration and narration stages: each page's picture or sound is made, stored as the
 * owner's asset and attached to its page in one transaction with the job's record of it, so a
 * resumed job skips the pages already done and never makes one twice. Progress runs from {@code
 * from} to {@code to}.
 */
@Component
class PageMedia {

  private static final Duration STEP = Duration.ofSeconds(120);

  /** How to draw and voice the pages. */
  record Look(
      List<String> characters, String setting, int width, int height, String voice, long seed) {}

  private final Generation generation;
  private final StoryDrafts drafts;
  private final AssetDirectory assets;

  PageMedia(Generation generation, StoryDrafts drafts, AssetDirectory assets) {
    this.generation = generation;
    this.drafts = drafts;
    this.assets = assets;
  }

  void illustrate(
      JobContext job,
      String storyId,
      List<Integer> pages,
      List<String> texts,
      Look look,
      int from,
      int to) {
    job.stage(
        "illustration",
        job.state().containsKey("image_" + pages.getFirst())
            ? JobStatus.PREVIEW_READY
            : JobStatus.CONTINUITY_CHECKED,
        from);
    for (int i = 0; i < pages.size(); i++) {
      int number = pages.get(i);
      if (job.state().containsKey("image_" + number)) continue;
      job.checkCancelled();
      Routed<ImageResult> image =
          generation.image(
              new ImageRequest(
                  texts.get(i),
                  look.characters(),
                  look.setting(),
                  look.width(),
                  look.height(),
                  null,
                  look.seed() + number),
              STEP);
      job.used(image);
      job.step(
          "page_illustrated",
          Map.of("page", number),
          from + (to - from) * (i + 1) / pages.size(),
          () -> {
            AssetView asset =
                store(job, "page-" + number + ".png", image.result().bytes(), storyId);
            drafts.attach(job.owner(), storyId, number, asset.id(), null);
            job.state().put("image_" + number, asset.id());
          });
      if (i == 0)
        job.stage("illustration", JobStatus.PREVIEW_READY, from + (to - from) / pages.size());
    }
  }

  void narrate(
      JobContext job,
      String storyId,
      List<Integer> pages,
      List<String> texts,
      Look look,
      int from,
      int to) {
    job.stage("narration", JobStatus.PREVIEW_READY, from);
    for (int i = 0; i < pages.size(); i++) {
      int number = pages.get(i);
      if (job.state().containsKey("audio_" + number)) continue;
      job.checkCancelled();
      Routed<SpeechResult> speech =
          generation.speech(new SpeechRequest(texts.get(i), look.voice()), STEP);
      job.used(speech);
      job.step(
          "page_narrated",
          Map.of("page", number),
          from + (to - from) * (i + 1) / pages.size(),
          () -> {
            AssetView asset =
                store(
                    job,
                    "page-" + number + "." + speech.result().extension(),
                    speech.result().bytes(),
                    storyId);
            drafts.attach(job.owner(), storyId, number, null, asset.id());
            job.state().put("audio_" + number, asset.id());
          });
    }
  }

  static List<String> assetIds(JobContext job) {
    return job.state().entrySet().stream()
        .filter(e -> e.getKey().startsWith("image_") || e.getKey().startsWith("audio_"))
        .map(e -> String.valueOf(e.getValue()))
        .toList();
  }

  private AssetView store(JobContext job, String filename, byte[] bytes, String storyId) {
    try {
      return assets.storeGenerated(job.owner(), filename, bytes, storyId, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
