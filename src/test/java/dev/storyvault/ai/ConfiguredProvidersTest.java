package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.ai.FakeOpenAi.Mode;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.TestModes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI-compatible providers as an operator configures them: the first one answers 500, so the API
 * falls back to the second (also OpenAI-compatible), then to the offline one; health shows why,
 * never the key.
 */
class ConfiguredProvidersTest extends ApiTestBase {

  static final FakeOpenAi FAILING = new FakeOpenAi("never").misbehave(Mode.FAIL_500);
  static final FakeOpenAi WORKING = new FakeOpenAi("A story from the configured model.");

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    registry.add("storyvault.ai.providers[0].id", () -> "primary");
    registry.add("storyvault.ai.providers[0].base-url", FAILING::url);
    registry.add("storyvault.ai.providers[0].model", () -> "gpt-test");
    registry.add("storyvault.ai.providers[0].api-key", () -> "sk-configured-secret");
    registry.add("storyvault.ai.providers[0].priority", () -> "1");
    registry.add("storyvault.ai.providers[1].id", () -> "secondary");
    registry.add("storyvault.ai.providers[1].base-url", WORKING::url);
    registry.add("storyvault.ai.providers[1].model", () -> "llama-test");
    registry.add("storyvault.ai.providers[1].modalities", () -> "text,image");
    registry.add("storyvault.ai.providers[1].priority", () -> "2");
  }

  @AfterAll
  static void stop() {
    FAILING.close();
    WORKING.close();
  }

  @Test
  void theApiFallsBackAcrossConfiguredProvidersAndKeepsTheKeyToItself() {
    JsonNode answer = alice.postJson("/api/ai/generate/text", Map.of("prompt", "a story")).json();
    assertThat(answer.get("provider").asString()).isEqualTo("secondary");
    assertThat(answer.get("text").asString()).isEqualTo("A story from the configured model.");
    assertThat(answer.get("fallbacks").toString()).contains("primary");
    assertThat(FAILING.authorizations()).contains("Bearer sk-configured-secret");

    String health = admin.get("/api/ai/health").text();
    assertThat(health)
        .contains("primary")
        .contains("server_error")
        .doesNotContain("sk-configured-secret");
    assertThat(admin.get("/actuator/prometheus").text()).doesNotContain("sk-configured-secret");
    JsonNode image =
        admin.get("/api/ai/health").json().get("modalities").get("image").get("providers");
    assertThat(List.of(image.propertyNames().toArray()))
        .contains("secondary", "offline-illustrator");
  }
}
