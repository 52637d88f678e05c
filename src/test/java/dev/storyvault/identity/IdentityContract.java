package dev.storyvault.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People and guests: accounts, login tokens (expiry, logout), guest limits, preferences, history,
 * audit.
 */
abstract class IdentityContract extends ApiTestBase {

  @Autowired AccessTokens tokens;

  private final String username = "reader-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void anAdminCreatesAUserWhoLogsInWithAToken() {
    Api.Response created =
        admin.postJson(
            "/api/users", Map.of("username", username, "password", "correct horse battery"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.text()).doesNotContain("correct horse", "password");
    Api.Response login =
        anonymous.postJson(
            "/api/auth/login", Map.of("username", username, "password", "correct horse battery"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("expires_at").asString()).isNotBlank();
    Api reader = anonymous.as(login.json().get("token").asString());
    assertThat(reader.get("/api/users/me").json().get("username").asString()).isEqualTo(username);
    assertThat(reader.upload("/api/assets", "a.png", Media.aPng(2, 2), Map.of()).status())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/users", Map.of("username", username, "password", "another password"))
                .status())
        .isEqualTo(409);
    assertThat(
            alice
                .postJson(
                    "/api/users", Map.of("username", "x" + username, "password", "whatever123"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void wrongPasswordsAndUnknownUsersGetTheSameAnswerAndAreAudited() {
    admin.postJson("/api/users", Map.of("username", username, "password", "correct horse battery"));
    Api.Response wrong =
        anonymous.postJson(
            "/api/auth/login", Map.of("username", username, "password", "wrong password"));
    Api.Response unknown =
        anonymous.postJson(
            "/api/auth/login",
            Map.of("username", "nobody-" + username, "password", "wrong password"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(admin.get("/api/audit").text()).contains("auth.login-failed", username);
    assertThat(alice.get("/api/audit").status()).isEqualTo(403);
  }

  @Test
  void loggingOutRevokesTheToken() {
    Api reader = anonymous.as(aSignedInPerson());
    assertThat(reader.send("POST", "/api/auth/logout", new byte[0]).status()).isEqualTo(204);
    assertThat(reader.get("/api/users/me").status()).isEqualTo(401);
    assertThat(alice.send("POST", "/api/auth/logout", new byte[0]).status()).isEqualTo(400);
  }

  @Test
  void anExpiredTokenNoLongerWorks() {
    AccessTokens.Issued issued = tokens.issue(aliceId, Duration.ofMillis(1500));
    Api shortLived = anonymous.as(issued.token());
    assertThat(shortLived.get("/api/users/me").status()).isEqualTo(200);
    clock.advance(Duration.ofMillis(1700));
    assertThat(shortLived.get("/api/users/me").status()).isEqualTo(401);
    String tampered = issued.token().substring(0, issued.token().length() - 2) + "xx";
    assertThat(anonymous.as(tampered).get("/api/users/me").status()).isEqualTo(401);
  }

  @Test
  void guestsReadPublicContentAndUploadOnlyWithinTheirQuota() {
    String shared =
        alice
            .upload("/api/assets", "p.png", Media.aUniquePng(), Map.of("public", "true"))
            .json()
            .get("id")
            .asString();
    String secret =
        alice
            .upload("/api/assets", "s.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    Api.Response guestToken = anonymous.send("POST", "/api/auth/guest", new byte[0]);
    assertThat(guestToken.status()).isEqualTo(201);
    Api guest = anonymous.as(guestToken.json().get("token").asString());
    assertThat(guest.get("/api/users/me").json().get("role").asString()).isEqualTo("guest");
    assertThat(guest.get("/api/assets/" + shared + "/content").status()).isEqualTo(200);
    assertThat(guest.get("/api/assets/" + secret).status()).isEqualTo(404);
    assertThat(guest.upload("/api/assets", "g.png", Media.aPng(2, 2), Map.of()).status())
        .isEqualTo(201);
    byte[] large = java.util.Arrays.copyOf(Media.aPng(8, 8), 70_000);
    Api.Response overQuota = guest.upload("/api/assets", "big.png", large, Map.of());
    assertThat(overQuota.status()).isEqualTo(413);
    assertThat(guest.get("/api/assets").json().get("items")).hasSize(1);
    assertThat(guest.postJson("/api/stories", Map.of("title", "guest story")).status())
        .isEqualTo(403);
    assertThat(guest.postJson("/api/keys", Map.of("name", "x")).status()).isEqualTo(403);
  }

  @Test
  void signUpIsClosedUnlessEnabled() {
    assertThat(
            anonymous
                .postJson(
                    "/api/auth/signup", Map.of("username", username, "password", "password123"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void preferencesBelongToEachPerson() {
    Api.Response saved =
        alice.json("PUT", "/api/user/preferences", Map.of("voice", "calm", "font_size", 18));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(alice.get("/api/user/preferences").json().get("voice").asString()).isEqualTo("calm");
    assertThat(bob.get("/api/user/preferences").json().has("voice")).isFalse();
    assertThat(anonymous.get("/api/user/preferences").status()).isEqualTo(401);
    assertThat(
            alice.json("PUT", "/api/user/preferences", Map.of("blob", "x".repeat(20_000))).status())
        .isEqualTo(413);
    assertThat(alice.json("PUT", "/api/user/preferences", List.of(1, 2)).status()).isEqualTo(400);
  }

  @Test
  void readingHistoryListsWhatAPersonOpened() {
    admin.postJson("/api/users", Map.of("username", username, "password", "correct horse battery"));
    Api reader =
        anonymous.as(
            anonymous
                .postJson(
                    "/api/auth/login",
                    Map.of("username", username, "password", "correct horse battery"))
                .json()
                .get("token")
                .asString());
    String story =
        alice
            .postJson(
                "/api/stories", Map.of("title", "A public tale", "sharing", Map.of("public", true)))
            .json()
            .get("id")
            .asString();
    assertThat(reader.get("/api/stories/" + story).status()).isEqualTo(200);
    // why wait: history is recorded from the StoryOpened event, after the GET answered
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> reader.get("/api/user/history").json().get("items").size() == 1);
    assertThat(
            reader.get("/api/user/history").json().get("items").get(0).get("story_id").asString())
        .isEqualTo(story);
    assertThat(alice.get("/api/user/history").json().get("items")).isEmpty();
  }
}
