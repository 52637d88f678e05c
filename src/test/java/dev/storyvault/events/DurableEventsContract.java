package dev.storyvault.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.RecordingHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A listener that fails leaves its publication incomplete, and the retry loop runs it again without
 * a restart: a CDN that is down when a story is deleted still gets the purge once it is back.
 */
abstract class DurableEventsContract extends ApiTestBase {

  static final RecordingHttpServer CDN = new RecordingHttpServer();

  static void cdn(DynamicPropertyRegistry registry) {
    registry.add("storyvault.cdn.purge", () -> "http");
    registry.add("storyvault.cdn.http.urls", CDN::url);
    registry.add("storyvault.events.retry-older-than", () -> "PT0S");
    registry.add(
        "storyvault.events.retry-every", () -> "PT1H"); // why: the test runs the loop itself
  }

  @Autowired EventRetries retries;

  @Autowired JdbcClient jdbc;

  @Test
  void aPurgeThatFailedIsSentAgainByTheRetryLoop() {
    String id =
        alice.postJson("/api/stories", Map.of("title", "Gone soon")).json().get("id").asString();
    CDN.failNext(1_000);
    assertThat(alice.delete("/api/stories/" + id).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(10)).until(() -> purgesOf(id) >= 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> incomplete() >= 1); // the listener threw

    CDN.failNext(0);
    long before = purgesOf(id);
    retries.retryOnce();
    await().atMost(Duration.ofSeconds(10)).until(() -> purgesOf(id) > before && incomplete() == 0);
  }

  private long purgesOf(String storyId) {
    return CDN.received().stream()
        .filter(r -> r.surrogateKey() != null && r.surrogateKey().contains("story-" + storyId))
        .count();
  }

  private long incomplete() {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single();
  }
}
