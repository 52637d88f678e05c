package dev.storyvault.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.image.TestImages;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.TestModes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One render slot and a short queue: a burst of transforms gets some 503s with Retry-After, never a
 * crash.
 */
class BusyRenderingTest extends ApiTestBase {

  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    registry.add("storyvault.images.max-concurrent-renders", () -> "1");
    registry.add("storyvault.images.render-queue-wait", () -> "PT0.02S");
  }

  @Autowired JdbcClient jdbc;

  @Test
  void aBurstBeyondTheRenderSlotsGets503WithRetryAfterAndCachesNothingForIt() throws Exception {
    String photo =
        AssetUploadContract.id(
            alice.upload("/api/assets", "big.jpg", TestImages.aPhoto(3000, 2000, 1), Map.of()));
    List<String> urls =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    alice
                        .postJson(
                            "/api/assets/" + photo + "/transforms",
                            Map.of("width", 1000 + i, "format", "png"))
                        .json()
                        .get("url")
                        .asString())
            .toList();
    List<Api.Response> responses;
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Api.Response>> futures =
          urls.stream().map(url -> pool.submit(() -> alice.get(url))).toList();
      responses = futures.stream().map(BusyRenderingTest::get).toList();
    }
    List<Api.Response> busy = responses.stream().filter(r -> r.status() == 503).toList();
    long ok = responses.stream().filter(r -> r.status() == 200).count();
    assertThat(busy).isNotEmpty();
    assertThat(ok + busy.size()).isEqualTo(8);
    assertThat(busy.getFirst().header("Retry-After")).isEqualTo("2");
    assertThat(busy.getFirst().contentType()).startsWith("application/problem+json");
    long stored =
        jdbc.sql("SELECT COUNT(*) FROM asset_variants WHERE asset_id = ? AND name LIKE 't:%'")
            .param(photo)
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(ok);
    // why await: the upload's own background variants may hold the single slot a while longer
    String retry = urls.get(responses.indexOf(busy.getFirst()));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofSeconds(2))
        .until(() -> alice.get(retry).status() == 200);
  }

  private static Api.Response get(Future<Api.Response> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
