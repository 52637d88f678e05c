package dev.storyvault.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import dev.storyvault.support.ScaleOutMode;
import dev.storyvault.support.SecondInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The caches the authenticated read paths keep (assets with their current version, stories, login
 * tokens) on two instances of one installation: what one instance answered from its cache, it
 * answers anew once the other changed it — a new version, a visibility change, an edit, a delete, a
 * logout.
 */
@ScaleOutMode
class ScaleOutReadCachesTest extends ApiTestBase {

  @Autowired Environment environment;

  private SecondInstance other;

  @BeforeEach
  void secondInstance() {
    other = SecondInstance.ofSameInstallation(environment);
  }

  @AfterEach
  void stopSecondInstance() {
    other.close();
  }

  @Test
  void anAssetChangedOnOneInstanceIsReadAnewOnTheOther() {
    byte[] first = Media.aUniquePng();
    String id = alice.upload("/api/assets", "a.png", first, Map.of()).json().get("id").asString();
    Api aliceThere = new Api(other.baseUrl(), alice.token());
    Api bobThere = new Api(other.baseUrl(), bob.token());
    assertThat(aliceThere.get("/api/assets/" + id + "/content").body()).isEqualTo(first);
    assertThat(aliceThere.get("/api/assets/" + id).json().get("version").asInt()).isEqualTo(1);

    byte[] second = Media.aUniquePng();
    assertThat(
            alice
                .multipart("PUT", "/api/assets/" + id + "/content", "b.png", second, Map.of())
                .status())
        .isEqualTo(200);
    eventually(() -> aliceThere.get("/api/assets/" + id + "/content").body(), second);
    eventually(() -> aliceThere.get("/api/assets/" + id).json().get("version").asInt(), 2);

    assertThat(bobThere.get("/api/assets/" + id + "/content").status()).isEqualTo(404);
    alice.patchJson("/api/assets/" + id, Map.of("public", true));
    eventually(() -> bobThere.get("/api/assets/" + id + "/content").status(), 200);
    alice.patchJson("/api/assets/" + id, Map.of("public", false));
    eventually(() -> bobThere.get("/api/assets/" + id + "/content").status(), 404);

    assertThat(alice.delete("/api/assets/" + id).status()).isEqualTo(204);
    eventually(() -> aliceThere.get("/api/assets/" + id + "/content").status(), 404);
    eventually(() -> aliceThere.get("/api/assets/" + id).status(), 404);
  }

  @Test
  void aStoryChangedOnOneInstanceIsReadAnewOnTheOther() {
    String id =
        alice.postJson("/api/stories", Map.of("title", "Before")).json().get("id").asString();
    Api aliceThere = new Api(other.baseUrl(), alice.token());
    Api bobThere = new Api(other.baseUrl(), bob.token());
    assertThat(aliceThere.get("/api/stories/" + id).json().get("title").asString())
        .isEqualTo("Before");
    assertThat(bobThere.get("/api/stories/" + id).status()).isEqualTo(404);

    alice.patchJson(
        "/api/stories/" + id, Map.of("title", "After", "sharing", Map.of("public", true)));
    eventually(() -> aliceThere.get("/api/stories/" + id).json().get("title").asString(), "After");
    eventually(() -> bobThere.get("/api/stories/" + id).status(), 200);

    assertThat(alice.delete("/api/stories/" + id).status()).isEqualTo(204);
    eventually(() -> aliceThere.get("/api/stories/" + id).status(), 404);
    alice.send("POST", "/api/trash/" + trashId(alice, id) + "/restore", new byte[0]);
    eventually(() -> aliceThere.get("/api/stories/" + id).status(), 200);
  }

  @Test
  void aPageOfStoriesKeptOnOneInstanceShowsAWriteMadeOnTheOther() {
    String first =
        alice.postJson("/api/stories", Map.of("title", "First")).json().get("id").asString();
    Api aliceThere = new Api(other.baseUrl(), alice.token());
    assertThat(titles(aliceThere)).containsExactly("First");
    assertThat(titles(aliceThere)).containsExactly("First");

    alice.postJson("/api/stories", Map.of("title", "Second"));
    eventually(() -> titles(aliceThere), List.of("Second", "First"));
    alice.patchJson("/api/stories/" + first, Map.of("title", "Renamed"));
    eventually(() -> titles(aliceThere), List.of("Second", "Renamed"));
    assertThat(alice.delete("/api/stories/" + first).status()).isEqualTo(204);
    eventually(() -> titles(aliceThere), List.of("Second"));
  }

  private static List<String> titles(Api api) {
    List<String> titles = new java.util.ArrayList<>();
    api.get("/api/stories").json().get("items").forEach(s -> titles.add(s.get("title").asString()));
    return titles;
  }

  @Test
  void aTokenLoggedOutOnOneInstanceStopsWorkingOnTheOther() {
    String token = aSignedInPerson();
    Api here = anonymous.as(token);
    Api there = new Api(other.baseUrl(), token);
    assertThat(there.get("/api/users/me").status()).isEqualTo(200);

    assertThat(here.send("POST", "/api/auth/logout", new byte[0]).status()).isEqualTo(204);
    assertThat(here.get("/api/users/me").status()).isEqualTo(401);
    eventually(() -> there.get("/api/users/me").status(), 401);
  }

  private static <T> void eventually(Supplier<T> read, T expected) {
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(read.get()).isEqualTo(expected));
  }
}
