package dev.storyvault.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jaudiotagger.audio.AudioFileIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Generation jobs through real HTTP with the offline providers. */
abstract class JobsContract extends ApiTestBase {

  static final Map<String, Object> STORY =
      Map.of(
          "type",
          "story.generate",
          "input",
          Map.of(
              "characters",
              List.of("goku", "woody"),
              "pages",
              3,
              "theme",
              "friendship",
              "age_group",
              "6-8",
              "width",
              320,
              "height",
              240));

  static final Map<String, Object> TEN_PAGES =
      Map.of(
          "type",
          "story.generate",
          "input",
          Map.of(
              "characters",
              List.of("goku", "woody"),
              "pages",
              10,
              "theme",
              "friendship",
              "age_group",
              "6-8",
              "width",
              320,
              "height",
              240));

  @Test
  void aStoryIsGeneratedEndToEndAndWatchedLive() throws Exception {
    Api.Response created = alice.json("POST", "/api/jobs", TEN_PAGES, "Idempotency-Key", key());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asString();

    List<Event> watched = events(alice.get("/api/jobs/" + id + "/events").text());
    assertThat(watched.getLast().type()).isEqualTo("completed");
    assertThat(watched).extracting(Event::id).isSorted().doesNotHaveDuplicates();
    assertThat(progresses(watched)).as("progress never goes back").isSorted();
    assertThat(watched)
        .extracting(Event::type)
        .contains("script_ready", "page_illustrated", "page_narrated");

    JsonNode job = alice.get("/api/jobs/" + id).json();
    assertThat(job.get("status").asString()).isEqualTo("final_ready");
    assertThat(job.get("progress").asInt()).isEqualTo(100);
    String storyId = job.get("result").get("story_id").asString();
    JsonNode story = alice.get("/api/stories/" + storyId).json();
    assertThat(story.get("status").asString()).isEqualTo("completed");
    JsonNode pages = story.get("content").get("pages");
    assertThat(pages).hasSize(10);
    for (JsonNode page : pages) {
      assertThat(page.get("text").asString()).isNotBlank();
      byte[] image =
          alice.get("/api/assets/" + page.get("image_asset_id").asString() + "/content").body();
      assertThat(ImageIO.read(new ByteArrayInputStream(image)).getWidth()).isEqualTo(320);
      assertThat(
              seconds(
                  alice
                      .get("/api/assets/" + page.get("audio_asset_id").asString() + "/content")
                      .body()))
          .isPositive();
    }
    assertThat(story.toString()).contains("Goku").contains("Woody");
    assertEpubIsValid(alice.get("/api/stories/" + storyId + "/export/epub").body());
  }

  @Test
  void aStreamResumedWithLastEventIdMissesNothingAndRepeatsNothing() {
    String id =
        alice
            .json("POST", "/api/jobs", STORY, "Idempotency-Key", key())
            .json()
            .get("id")
            .asString();
    List<Event> all = events(alice.get("/api/jobs/" + id + "/events").text());
    Event middle = all.get(all.size() / 2);
    List<Event> resumed =
        events(
            alice
                .get("/api/jobs/" + id + "/events", "Last-Event-ID", String.valueOf(middle.id()))
                .text());
    List<Event> joined = new ArrayList<>(all.subList(0, all.size() / 2 + 1));
    joined.addAll(resumed);
    assertThat(joined).isEqualTo(all);
    assertThat(bob.get("/api/jobs/" + id + "/events").status()).isEqualTo(404);
    assertThat(bob.get("/api/jobs/" + id).status()).isEqualTo(404);
  }

  @Test
  void anIdempotencyKeyMakesOneJobAndRefusesAnotherPayload() {
    String key = key();
    Api.Response first = alice.json("POST", "/api/jobs", STORY, "Idempotency-Key", key);
    Api.Response again = alice.json("POST", "/api/jobs", STORY, "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    Map<String, Object> other =
        Map.of("type", "story.generate", "input", Map.of("characters", List.of("elsa")));
    assertProblem(
        alice.json("POST", "/api/jobs", other, "Idempotency-Key", key),
        422,
        "idempotency-key-reused");
    assertProblem(alice.json("POST", "/api/jobs", STORY), 400, "idempotency-key-required");
    assertProblem(
        alice.json(
            "POST",
            "/api/jobs",
            Map.of("type", "story.generate", "input", Map.of("characters", List.of())),
            "Idempotency-Key",
            key()),
        422,
        "invalid-job");
  }

  @Test
  void everyRequestIsInTheGenerationLogs() {
    String owner = "logs-" + UUID.randomUUID().toString().substring(0, 6);
    Api caller = admin.as(newKey(owner, List.of("read", "write")));
    String key = key();
    caller.json("POST", "/api/jobs", STORY, "Idempotency-Key", key);
    caller.json(
        "POST",
        "/api/jobs",
        Map.of("type", "story.generate", "input", Map.of("characters", List.of("x"))),
        "Idempotency-Key",
        key);
    caller.json("POST", "/api/jobs", STORY);
    caller.json("POST", "/api/jobs", Map.of("type", "nope"), "Idempotency-Key", key());
    assertThat(
            caller
                .postJson(
                    "/api/generation-logs",
                    Map.of(
                        "input_type",
                        "creature",
                        "input_size",
                        120,
                        "status",
                        "succeeded",
                        "processing_ms",
                        900))
                .status())
        .isEqualTo(201);
    JsonNode items = caller.get("/api/generation-logs").json().get("items");
    assertThat(items).hasSize(5);
    assertThat(items.toString())
        .contains("\"status\":\"rejected\"")
        .contains("\"source\":\"external\"");
    assertThat(bob.get("/api/generation-logs").json().toString()).doesNotContain(owner);
  }

  @Test
  void onlyFailedOrDeadJobsCanBeRetried() {
    String id = finished("/api/jobs", STORY).get("id").asString();
    assertProblem(
        alice.send("POST", "/api/jobs/" + id + "/retry", new byte[0]), 409, "job-not-retryable");
    assertThat(alice.get("/api/jobs?status=final_ready").json().get("items").toString())
        .contains(id);
  }

  @Test
  void aStoryIsContinuedWithTheReadersWishAndTheNewPageIllustratedAndNarrated() {
    String started =
        alice
            .json(
                "POST",
                "/api/story/start",
                Map.of(
                    "characters",
                    List.of("goku", "woody"),
                    "pages",
                    2,
                    "width",
                    256,
                    "height",
                    192),
                "Idempotency-Key",
                key())
            .json()
            .get("id")
            .asString();
    alice.get("/api/jobs/" + started + "/events");
    String storyId =
        alice.get("/api/jobs/" + started).json().get("result").get("story_id").asString();

    Api.Response next =
        alice.json(
            "POST",
            "/api/stories/" + storyId + "/continue",
            Map.of("continuation", "They sail to the island of kites"),
            "Idempotency-Key",
            key());
    assertThat(next.status()).as(next.text()).isEqualTo(201);
    String id = next.json().get("id").asString();
    alice.get("/api/jobs/" + id + "/events");
    JsonNode job = alice.get("/api/jobs/" + id).json();
    assertThat(job.get("status").asString()).isEqualTo("final_ready");
    JsonNode pages = alice.get("/api/stories/" + storyId).json().get("content").get("pages");
    assertThat(pages).hasSize(3);
    JsonNode added = pages.get(2);
    assertThat(added.get("page_number").asInt()).isEqualTo(3);
    assertThat(added.get("text").asString())
        .contains("Goku")
        .contains("they sail to the island of kites");
    assertThat(added.get("image_asset_id").isNull()).isFalse();
    assertThat(added.get("audio_asset_id").isNull()).isFalse();
    assertThat(
            bob.json(
                    "POST",
                    "/api/stories/" + storyId + "/continue",
                    Map.of(),
                    "Idempotency-Key",
                    key())
                .status())
        .isEqualTo(404);
  }

  @Test
  void onePageCanBeDrawnAgain() {
    String made = finished("/api/jobs", STORY).get("id").asString();
    String storyId = alice.get("/api/jobs/" + made).json().get("result").get("story_id").asString();
    String before =
        alice
            .get("/api/stories/" + storyId)
            .json()
            .get("content")
            .get("pages")
            .get(0)
            .get("image_asset_id")
            .asString();
    String redo =
        alice
            .json(
                "POST",
                "/api/jobs",
                Map.of(
                    "type",
                    "page.illustrate",
                    "input",
                    Map.of("story_id", storyId, "page", 1, "seed", 99)),
                "Idempotency-Key",
                key())
            .json()
            .get("id")
            .asString();
    alice.get("/api/jobs/" + redo + "/events");
    assertThat(alice.get("/api/jobs/" + redo).json().get("status").asString())
        .isEqualTo("final_ready");
    String after =
        alice
            .get("/api/stories/" + storyId)
            .json()
            .get("content")
            .get("pages")
            .get(0)
            .get("image_asset_id")
            .asString();
    assertThat(after).isNotEqualTo(before);
    assertProblem(
        alice.json(
            "POST",
            "/api/jobs",
            Map.of("type", "page.narrate", "input", Map.of("story_id", storyId)),
            "Idempotency-Key",
            key()),
        422,
        "invalid-job");
  }

  @Test
  void aCancelledJobStopsAtTheNextBoundaryAndLeavesNoHalfMadeStory() {
    String id =
        alice
            .json(
                "POST",
                "/api/jobs",
                Map.of(
                    "type",
                    "story.generate",
                    "input",
                    Map.of(
                        "characters",
                        List.of("goku", "woody"),
                        "pages",
                        20,
                        "width",
                        1536,
                        "height",
                        1024)),
                "Idempotency-Key",
                key())
            .json()
            .get("id")
            .asString();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(() -> alice.get("/api/jobs/" + id).json().path("progress").asInt() >= 26);
    String storyId = alice.get("/api/jobs/" + id).json().get("story_id").asString();
    assertThat(alice.get("/api/stories/" + storyId).status())
        .as("readable while it is made")
        .isEqualTo(200);
    assertThat(alice.send("POST", "/api/jobs/" + id + "/cancel", new byte[0]).status())
        .isEqualTo(200);
    List<Event> events = events(alice.get("/api/jobs/" + id + "/events").text());
    assertThat(events.getLast().data()).contains("\"cancelled\"");
    JsonNode job = alice.get("/api/jobs/" + id).json();
    assertThat(job.get("status").asString()).isEqualTo("cancelled");
    assertThat(alice.get("/api/stories/" + storyId).status())
        .as("nothing half-made left")
        .isEqualTo(404);
  }

  /**
   * Submits a job (a fresh Idempotency-Key), watches its events to the end, and returns the job as
   * it ended.
   */
  private JsonNode finished(String path, Map<String, Object> body) {
    String id =
        alice.json("POST", path, body, "Idempotency-Key", key()).json().get("id").asString();
    alice.get("/api/jobs/" + id + "/events");
    return alice.get("/api/jobs/" + id).json();
  }

  record Event(long id, String type, String data) {}

  static List<Event> events(String stream) {
    List<Event> events = new ArrayList<>();
    for (String block : stream.split("\n\n")) {
      long id = -1;
      String type = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
        if (line.startsWith("event: ")) type = line.substring(7);
        if (line.startsWith("data: ")) data = line.substring(6);
      }
      if (type != null) events.add(new Event(id, type, data));
    }
    return events;
  }

  private static List<Integer> progresses(List<Event> events) {
    return events.stream()
        .map(Event::data)
        .filter(d -> d.contains("\"progress\":"))
        .map(d -> Integer.parseInt(d.replaceAll(".*\"progress\":(\\d+).*", "$1")))
        .toList();
  }

  private static double seconds(byte[] audio) throws Exception {
    Path file = Files.createTempFile("narration", ".mp3");
    Files.write(file, audio);
    try {
      return AudioFileIO.read(file.toFile()).getAudioHeader().getPreciseTrackLength();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void assertEpubIsValid(byte[] epub) throws Exception {
    Path file = Files.createTempFile("generated", ".epub");
    try {
      Files.write(file, epub);
      DefaultReportImpl report = new DefaultReportImpl(file.toString());
      new EpubCheck(file.toFile(), report).doValidate();
      assertThat(List.of(report.getFatalErrorCount(), report.getErrorCount()))
          .containsExactly(0, 0);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void assertProblem(Api.Response response, int status, String slug) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).endsWith(slug);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
