package dev.storyvault.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storyvault.image.TestImages;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Ports;
import dev.storyvault.support.TestModes;
import dev.storyvault.support.VarnishServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real Varnish in front of StoryVault: a read-heavy workload of anonymous readers is served from
 * the cache (hit ratio over 90%), and a story update purges it so the next read shows the new
 * version.
 */
class VarnishCdnTest extends ApiTestBase {

  static final int VARNISH_PORT = Ports.free();
  static VarnishServer varnish;

  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    registry.add("storyvault.cdn.purge", () -> "http");
    registry.add("storyvault.cdn.http.urls[0]", () -> "http://127.0.0.1:" + VARNISH_PORT);
  }

  @BeforeEach
  void varnishInFront() throws Exception {
    if (!VarnishServer.installed() && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but varnishd (Debian package varnish) is not installed");
    }
    if (!VarnishServer.installed())
      System.out.println("Skipping Varnish test: /usr/sbin/varnishd is not installed");
    assumeTrue(VarnishServer.installed(), "varnishd is not installed");
    if (varnish == null) varnish = VarnishServer.start(VARNISH_PORT, port);
  }

  @AfterAll
  static void stopVarnish() {
    if (varnish != null) varnish.close();
    varnish = null;
  }

  @Test
  void aReadHeavyWorkloadIsServedByTheCacheAndAStoryUpdateIsPurged() {
    byte[] photo = TestImages.aPhoto(800, 600, 99);
    Api.Response image = alice.upload("/api/assets", "cover.jpg", photo, Map.of("public", "true"));
    String asset = image.json().get("id").asString();
    String story =
        alice
            .postJson(
                "/api/stories",
                Map.of(
                    "title",
                    "Through the CDN",
                    "content",
                    Map.of(
                        "pages",
                        List.of(
                            Map.of("page_number", 1, "text", "Hello.", "image_asset_id", asset))),
                    "sharing",
                    Map.of("public", true)))
            .json()
            .get("id")
            .asString();
    Api reader = new Api(varnish.url(), null);
    List<String> urls =
        List.of(
            "/api/stories/" + story,
            "/api/assets/" + asset + "/content",
            "/api/assets/" + asset + "/variants/thumbnail?v=1",
            image.json().get("public_url").asString(),
            "/api/stories/" + story + "/export/pdf");
    int hits = 0;
    int requests = 0;
    for (int round = 0; round < 60; round++) {
      for (String url : urls) {
        Api.Response response = reader.get(url, "X-Forwarded-Host", "evil.example");
        assertThat(response.status()).as(url).isEqualTo(200);
        requests++;
        if ("HIT".equals(response.header("X-Cache"))) hits++;
      }
    }
    double ratio = (double) hits / requests;
    System.out.printf("Varnish hit ratio: %d/%d = %.3f%n", hits, requests, ratio);
    assertThat(ratio).isGreaterThan(0.90);
    assertThat(reader.get("/api/stories/" + story).json().get("title").asString())
        .isEqualTo("Through the CDN");

    assertThat(
            alice
                .patchJson("/api/stories/" + story, Map.of("title", "Changed at the origin"))
                .status())
        .isEqualTo(200);
    long changed = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                "Changed at the origin"
                    .equals(reader.get("/api/stories/" + story).json().get("title").asString()));
    System.out.printf(
        "Fresh through Varnish %d ms after the update (max-age is 60 s)%n",
        (System.nanoTime() - changed) / 1_000_000);
    assertThat(reader.get("/api/stories/" + story).header("X-Cache")).isEqualTo("HIT");
  }

  @Test
  void nothingPrivateOrPerCallerIsCachedByVarnish() {
    String privateStory =
        alice.postJson("/api/stories", Map.of("title", "Mine")).json().get("id").asString();
    Api owner = new Api(varnish.url(), alice.token());
    for (int i = 0; i < 3; i++) {
      Api.Response response = owner.get("/api/stories/" + privateStory);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("X-Cache")).isEqualTo("MISS");
    }
    Api stranger = new Api(varnish.url(), null);
    assertThat(stranger.get("/api/stories/" + privateStory).status()).isEqualTo(404);
    assertThat(owner.get("/api/stories").header("X-Cache")).isEqualTo("MISS");
  }
}
