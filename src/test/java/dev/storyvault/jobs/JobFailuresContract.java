package dev.storyvault.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.ai.FakeOpenAiServers;
import dev.storyvault.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Jobs whose providers misbehave (real OpenAI-compatible servers, no offline providers): a failing
 * provider is failed over inside a stage; when every provider keeps failing the job is retried with
 * backoff, every attempt recorded, and ends dead with its last error; a retry runs it again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class JobFailuresContract extends ApiTestBase {

  // why never closed: both mode subclasses use them; the test JVM ends them
  static final FakeOpenAiServers FLAKY = new FakeOpenAiServers("never");
  static final FakeOpenAiServers HEALTHY = new FakeOpenAiServers("Goku and Woody and the Kite");

  /** Offline providers off, two OpenAI-compatible ones that fail on demand; quick retries. */
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("storyvault.ai.offline.enabled", () -> "false");
    registry.add("storyvault.ai.providers[0].id", () -> "flaky");
    registry.add("storyvault.ai.providers[0].base-url", FLAKY::url);
    registry.add("storyvault.ai.providers[0].model", () -> "m");
    registry.add("storyvault.ai.providers[0].priority", () -> "1");
    registry.add("storyvault.ai.providers[1].id", () -> "healthy");
    registry.add("storyvault.ai.providers[1].base-url", HEALTHY::url);
    registry.add("storyvault.ai.providers[1].model", () -> "m");
    registry.add("storyvault.ai.providers[1].priority", () -> "2");
    registry.add("storyvault.jobs.retry-backoff", () -> "PT0.05S");
    registry.add("storyvault.jobs.max-attempts", () -> "2");
  }

  @Test
  @Order(1)
  void aStageFailsOverToTheNextProvider() {
    FLAKY.alwaysFail();
    JsonNode job =
        run(
            Map.of(
                "characters",
                List.of("goku", "woody"),
                "pages",
                1,
                "illustrate",
                false,
                "narrate",
                false));
    assertThat(job.get("status").asString()).isEqualTo("final_ready");
    String story = job.get("result").get("story_id").asString();
    assertThat(alice.get("/api/stories/" + story).json().get("title").asString())
        .isEqualTo("Goku and Woody and the Kite");
    assertThat(alice.get("/api/generation-logs").json().toString())
        .contains("flaky")
        .contains("healthy");
  }

  @Test
  @Order(2)
  void aJobWhoseProvidersAllFailIsDeadWithItsLastErrorAndCanBeRetried() {
    HEALTHY.alwaysFail();
    JsonNode job =
        run(
            Map.of(
                "characters", List.of("elsa"), "pages", 1, "illustrate", false, "narrate", false));
    assertThat(job.get("status").asString()).isEqualTo("dead");
    assertThat(job.get("attempts").asInt()).isEqualTo(2);
    assertThat(job.get("error").get("type").asString())
        .isEqualTo("urn:storyvault:problem:ai-unavailable");
    String events = alice.get("/api/jobs/" + job.get("id").asString() + "/events").text();
    assertThat(events).contains("event: retry_scheduled").contains("\"attempt\":2");
    assertThat(alice.get("/api/generation-logs?status=dead").json().get("items")).isNotEmpty();

    HEALTHY.behave();
    clock.advance(
        java.time.Duration.ofSeconds(61)); // past the providers' cooldown and open circuits
    String id = job.get("id").asString();
    assertThat(alice.send("POST", "/api/jobs/" + id + "/retry", new byte[0]).status())
        .isEqualTo(200);
    alice.get("/api/jobs/" + id + "/events", "Last-Event-ID", lastId(events));
    // why poll: the stream ends at the first "completed"; the retried run ends with another
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                alice.get("/api/jobs/" + id).json().get("status").asString().equals("final_ready"));
  }

  private JsonNode run(Map<String, Object> input) {
    String id =
        alice
            .json(
                "POST",
                "/api/jobs",
                Map.of("type", "story.generate", "input", input),
                "Idempotency-Key",
                UUID.randomUUID().toString())
            .json()
            .get("id")
            .asString();
    alice.get("/api/jobs/" + id + "/events");
    return alice.get("/api/jobs/" + id).json();
  }

  private static String lastId(String events) {
    return events
        .lines()
        .filter(l -> l.startsWith("id: "))
        .reduce((a, b) -> b)
        .orElse("id: 0")
        .substring(4);
  }
}
