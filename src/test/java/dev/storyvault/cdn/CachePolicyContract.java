package dev.storyvault.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a CDN may keep: public representations briefly and tagged, nothing per caller, nothing
 * steered by forwarding headers; and every change is purged from the configured cache.
 */
abstract class CachePolicyContract extends ApiTestBase {

  static final List<String> PURGES = new CopyOnWriteArrayList<>();
  static final HttpServer CACHE = recordingCache();

  static void withRecordingCache(DynamicPropertyRegistry registry) {
    registry.add("storyvault.cdn.purge", () -> "http");
    registry.add(
        "storyvault.cdn.http.urls[0]", () -> "http://127.0.0.1:" + CACHE.getAddress().getPort());
  }

  String publicStory(String title) {
    return alice
        .postJson("/api/stories", Map.of("title", title, "sharing", Map.of("public", true)))
        .json()
        .get("id")
        .asString();
  }

  @Test
  void apiResponsesArePrivateAndUnstoredUnlessTheyAreTheSameForEveryone() {
    String story = publicStory("Open book");
    Api.Response shared = anonymous.get("/api/stories/" + story);
    assertThat(shared.header("Cache-Control"))
        .isEqualTo("public, max-age=60, stale-while-revalidate=600");
    assertThat(shared.header("Surrogate-Key")).isEqualTo("story-" + story);
    assertThat(shared.header("Cache-Tag")).isEqualTo("story-" + story);
    assertThat(alice.get("/api/stories/" + story).header("Cache-Control"))
        .isEqualTo("no-store, private");
    assertThat(alice.get("/api/stories").header("Cache-Control")).isEqualTo("private, no-store");
    assertThat(anonymous.get("/api/stories").header("Cache-Control"))
        .isEqualTo("private, no-store");
    assertThat(anonymous.get("/api/stories/sty_missing").header("Cache-Control"))
        .contains("no-store");
    String asset =
        alice
            .upload("/api/assets", "a.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    assertThat(alice.get("/api/assets/" + asset).header("Cache-Control"))
        .isEqualTo("private, no-store");
    assertThat(alice.get("/api/assets/" + asset).headers().get("Cache-Control")).hasSize(1);
  }

  @Test
  void forwardingHeadersNeverChangeAResponse() {
    String story = publicStory("Same for all");
    String[] forwarded = {
      "X-Forwarded-Host",
      "evil.example",
      "X-Forwarded-Proto",
      "gopher",
      "Forwarded",
      "host=evil.example;proto=https",
      "X-Forwarded-Prefix",
      "/evil"
    };
    Api.Response plain = anonymous.get("/api/stories/" + story);
    Api.Response steered = anonymous.get("/api/stories/" + story, forwarded);
    assertThat(steered.text()).isEqualTo(plain.text());
    assertThat(steered.headers().toString()).doesNotContain("evil");
    Api.Response created = alice.json("POST", "/api/stories", Map.of("title", "Made"), forwarded);
    assertThat(created.header("Location")).startsWith("/api/stories/").doesNotContain("evil");
    Api.Response upload =
        alice.upload("/api/assets", "x.png", Media.aUniquePng(), Map.of("public", "true"));
    String asset = upload.json().get("id").asString();
    assertThat(alice.get("/api/assets/" + asset, forwarded).text())
        .doesNotContain("evil")
        .contains("\"/api/blobs/");
  }

  @Test
  void changesAndDeletionsArePurgedFromTheCache() {
    String story = publicStory("Before");
    PURGES.clear();
    assertThat(alice.patchJson("/api/stories/" + story, Map.of("title", "After")).status())
        .isEqualTo(200);
    awaitPurge("BAN story-" + story);
    String asset =
        alice
            .upload("/api/assets", "y.png", Media.aUniquePng(), Map.of("public", "true"))
            .json()
            .get("id")
            .asString();
    assertThat(alice.patchJson("/api/assets/" + asset, Map.of("public", false)).status())
        .isEqualTo(200);
    awaitPurge("BAN asset-" + asset);
    PURGES.clear();
    assertThat(alice.delete("/api/assets/" + asset).status()).isEqualTo(204);
    awaitPurge("BAN asset-" + asset);
    assertThat(alice.delete("/api/stories/" + story).status()).isEqualTo(204);
    awaitPurge("PURGE /api/stories/" + story);
  }

  private static void awaitPurge(String expected) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> PURGES.contains(expected));
  }

  private static HttpServer recordingCache() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Surrogate-Key");
            PURGES.add(
                exchange.getRequestMethod()
                    + " "
                    + (key != null ? key : exchange.getRequestURI().getPath()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
