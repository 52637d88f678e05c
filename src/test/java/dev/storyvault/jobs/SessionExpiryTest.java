package dev.storyvault.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.TestModes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guests play, and sessions expire after inactivity (guests sooner). why a context of its own: the
 * test moves the application's clock by hours, which the contexts shared by other classes must not
 * see.
 */
class SessionExpiryTest extends ApiTestBase {

  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    registry.add("storyvault.sessions.guest-ttl", () -> "PT1H");
  }

  @Test
  void guestsMayPlayAndTheirSessionsExpireSoonerThanPeoples() {
    Api guest =
        anonymous.as(
            anonymous.send("POST", "/api/auth/guest", new byte[0]).json().get("token").asString());
    Api.Response started = guest.postJson("/api/sessions", Map.of("characters", List.of("pip")));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    String id = started.json().get("id").asString();
    SessionsContract.play(guest, id, Map.of("text", "Pip climbs a hill"), null);
    assertThat(guest.get("/api/sessions/" + id).json().get("turns")).hasSize(1);
    String mine =
        alice
            .postJson("/api/sessions", Map.of("characters", List.of("pip")))
            .json()
            .get("id")
            .asString();

    clock.advance(Duration.ofHours(2));
    assertThat(admin.get("/api/sessions/" + id).status())
        .as("a guest's session after an hour")
        .isEqualTo(404);
    assertThat(guest.get("/api/sessions/" + id).status())
        .as("and the guest's token")
        .isEqualTo(401);
    assertThat(alice.get("/api/sessions/" + mine).status()).isEqualTo(200);
    assertThat(alice.delete("/api/sessions/" + mine).status()).isEqualTo(204);
    assertThat(alice.get("/api/sessions/" + mine).status()).isEqualTo(404);
  }
}
