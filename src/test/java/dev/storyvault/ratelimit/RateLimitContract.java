package dev.storyvault.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Token buckets: 429 with Retry-After past the limit, per caller, unspoofable, shared across
 * instances.
 */
abstract class RateLimitContract extends ApiTestBase {

  static final int LIMIT = 5;

  static void lowLimits(DynamicPropertyRegistry registry, String backend) {
    registry.add("storyvault.rate-limits.backend", () -> backend);
    String namespace = "test-" + UUID.randomUUID();
    registry.add("storyvault.rate-limits.namespace", () -> namespace);
    registry.add("storyvault.rate-limits.groups.read.capacity", () -> LIMIT);
    registry.add("storyvault.rate-limits.groups.read.period", () -> "PT10M");
    registry.add("storyvault.rate-limits.groups.write.capacity", () -> LIMIT);
    registry.add("storyvault.rate-limits.groups.write.period", () -> "PT10M");
  }

  @Test
  void aGenerationRequestTheLimitRefusedIsInTheGenerationLogs() {
    for (int i = 0; i < LIMIT; i++) {
      assertThat(
              alice
                  .postJson("/api/ai/generate/text", java.util.Map.of("prompt", "a dragon " + i))
                  .status())
          .isEqualTo(200);
    }
    assertThat(
            alice
                .postJson("/api/ai/generate/text", java.util.Map.of("prompt", "one more"))
                .status())
        .isEqualTo(429);
    String logs = alice.get("/api/generation-logs").text();
    assertThat(logs).contains("\"failure_reason\":\"rate-limited\"");
    assertThat(alice.get("/api/generation-logs").json().get("items")).hasSize(LIMIT + 1);
  }

  @Test
  void aCallerOverTheLimitGets429WithRetryAfter() {
    for (int i = 0; i < LIMIT; i++) assertThat(bob.get("/api/assets").status()).isEqualTo(200);
    Api.Response limited = bob.get("/api/assets");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.json().get("type").asString())
        .isEqualTo("urn:storyvault:problem:too-many-requests");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    assertThat(limited.header("RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
    assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(alice.get("/api/assets").status()).isEqualTo(200);
    assertThat(admin.get("/api/assets").status()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreCountedByAddressWhichTheyCannotSpoof() {
    String path = "/api/stories?scope=public&n=" + UUID.randomUUID();
    int allowed = 0;
    for (int i = 0; i < LIMIT + 1; i++) {
      if (anonymous.get(path, "X-Forwarded-For", "10.0.0." + i).status() == 200) allowed++;
    }
    assertThat(allowed).isLessThanOrEqualTo(LIMIT);
    assertThat(anonymous.get(path, "X-Forwarded-For", "203.0.113.77").status()).isEqualTo(429);
  }
}
