package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The router through HTTP with the offline providers: generate, stream, store, refuse, report,
 * rate, optimize.
 */
abstract class AiApiContract extends ApiTestBase {

  private static final Map<String, Object> BRIEF =
      Map.of(
          "characters",
          List.of("goku", "woody"),
          "pages",
          3,
          "theme",
          "friendship",
          "moral_lesson",
          "Friends help each other",
          "age_group",
          "6-8");

  @Test
  void generatesAStoryThatNamesEveryCharacter() {
    Api.Response response =
        alice.postJson("/api/ai/generate/text", Map.of("story", BRIEF, "seed", 9));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("provider").asString()).isEqualTo("offline-text");
    assertThat(body.get("text").asString()).contains("Goku").contains("Woody");
    assertThat(body.get("tokens").get("completion").asInt()).isPositive();
    assertThat(
            alice
                .postJson("/api/ai/generate/text", Map.of("story", BRIEF, "seed", 9))
                .json()
                .get("text")
                .asString())
        .isEqualTo(body.get("text").asString());
  }

  @Test
  void streamsTextAsServerSentEventsEndingWithDone() {
    Api.Response response =
        alice.json("POST", "/api/ai/generate/text", Map.of("prompt", "a dragon", "stream", true));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/event-stream");
    String events = response.text();
    assertThat(events)
        .contains("event: token")
        .contains("event: done")
        .contains("\"provider\":\"offline-text\"");
    assertThat(events.indexOf("event: done")).isGreaterThan(events.lastIndexOf("event: token"));
  }

  @Test
  void anIllustrationIsStoredAsTheCallersAssetAtTheRequestedSize() throws Exception {
    Api.Response response =
        alice.postJson(
            "/api/ai/generate/image",
            Map.of(
                "prompt",
                "Goku and Woody",
                "characters",
                List.of("Goku", "Woody"),
                "setting",
                "the moon",
                "width",
                320,
                "height",
                200));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    String id = response.json().get("asset").get("id").asString();
    byte[] png = alice.get("/api/assets/" + id + "/content").body();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(200);
    assertThat(bob.get("/api/assets/" + id).status()).isEqualTo(404);
  }

  @Test
  void narrationIsStoredAsAnAudioAssetWithItsDuration() {
    Api.Response response =
        alice.postJson(
            "/api/ai/generate/speech", Map.of("text", "Once upon a time, Goku met Woody."));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    JsonNode asset = response.json().get("asset");
    assertThat(asset.get("type").asString()).isEqualTo("audio");
    assertThat(alice.get("/api/assets/" + asset.get("id").asString()).json().toString())
        .contains("duration");
  }

  @Test
  void refusesWhatIsMissingMalformedOrOverTheLimitsNamingTheField() {
    assertProblem(alice.postJson("/api/ai/generate/text", Map.of()), 400, "prompt");
    assertProblem(
        alice.postJson("/api/ai/generate/text", Map.of("prompt", "x".repeat(30_000))),
        400,
        "prompt");
    assertProblem(
        alice.postJson("/api/ai/generate/image", Map.of("prompt", "x", "width", 100_000)),
        400,
        "width");
    assertProblem(
        alice.postJson("/api/ai/generate/speech", Map.of("text", "hi", "voice", 7)), 400, "voice");
    assertThat(
            alice
                .send(
                    "POST",
                    "/api/ai/generate/text",
                    "not json".getBytes(),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(400);
    assertThat(anonymous.postJson("/api/ai/generate/text", Map.of("prompt", "hi")).status())
        .isEqualTo(401);
  }

  @Test
  void healthTellsEveryoneUpOrDownAndAdminsTheDetails() {
    JsonNode open = anonymous.get("/api/ai/health").json().get("modalities");
    assertThat(open.get("text").get("up").asBoolean()).isTrue();
    assertThat(open.get("text").has("providers")).isFalse();
    JsonNode detailed = admin.get("/api/ai/health").json().get("modalities");
    assertThat(detailed.get("image").get("providers").has("offline-illustrator")).isTrue();
    assertThat(detailed.get("text").get("strategy").asString()).isEqualTo("priority");
    assertThat(alice.get("/api/ai/health?probe=true").status()).isIn(403, 404);
    assertThat(
            admin
                .get("/api/ai/health?probe=true")
                .json()
                .get("modalities")
                .get("text")
                .get("probes")
                .get("offline-text")
                .asString())
        .isEqualTo("ok");
  }

  @Test
  void ratingsFeedOptimizeWhichOnlyAdminsRunAndWhichIsAudited() {
    assertThat(
            alice
                .postJson(
                    "/api/ai/ratings",
                    Map.of("modality", "text", "provider", "offline-text", "score", 5))
                .status())
        .isEqualTo(201);
    assertProblem(
        alice.postJson(
            "/api/ai/ratings", Map.of("modality", "text", "provider", "offline-text", "score", 9)),
        400,
        "score");
    assertProblem(
        alice.postJson(
            "/api/ai/ratings", Map.of("modality", "text", "provider", "nobody", "score", 3)),
        400,
        "provider");
    assertThat(alice.postJson("/api/ai/optimize", Map.of()).status()).isIn(403, 404);
    JsonNode weights = admin.postJson("/api/ai/optimize", Map.of()).json().get("weights");
    assertThat(weights.get("text").get("offline-text").has("old_weight")).isTrue();
    assertThat(weights.get("text").get("offline-text").get("quality").asDouble())
        .isGreaterThan(0.5);
    assertThat(admin.get("/api/audit").text()).contains("ai.optimize");
  }

  @Test
  void everyGenerateRequestIsInTheGenerationLogs() {
    Api caller =
        admin.as(
            newKey(
                "logged-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                List.of("read", "write")));
    caller.postJson("/api/ai/generate/text", Map.of("prompt", "a dragon"));
    Api.Response image =
        caller.postJson(
            "/api/ai/generate/image", Map.of("prompt", "a dragon", "width", 64, "height", 64));
    caller.postJson("/api/ai/generate/image", Map.of("prompt", "x", "width", 100_000));
    JsonNode items = caller.get("/api/generation-logs").json().get("items");
    assertThat(items).hasSize(3);
    String logs = items.toString();
    assertThat(logs)
        .contains("\"status\":\"rejected\"")
        .contains("\"providers\":\"offline-text\"")
        .contains(image.json().get("asset").get("id").asString());
  }

  private static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("field").asString()).isEqualTo(field);
  }
}
