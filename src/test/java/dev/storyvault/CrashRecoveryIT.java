package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.Media;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Durability under kill -9: 16 clients upload concurrently to the packaged server, which is killed
 * mid-flight. After a restart every acknowledged upload reads back byte for byte, and no stored
 * asset references a half-written blob.
 */
class CrashRecoveryIT {

  private static final Map<String, String> ENV =
      Map.of("STORYVAULT_ADMIN_API_KEY", TestModes.ADMIN_KEY);

  @Test
  void everyAcknowledgedUploadSurvivesKillDashNine() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-crash-").resolve("data");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    ServerProcess server = ServerProcess.start(dataDir, ENV);
    uploadUntilKilled(server, acknowledged);
    assertThat(acknowledged).hasSizeGreaterThan(20);

    try (ServerProcess restarted = ServerProcess.start(dataDir, ENV)) {
      Api api = new Api(restarted.baseUrl(), TestModes.ADMIN_KEY);
      acknowledged.forEach(
          (id, sha256) -> {
            Api.Response content = api.get("/api/assets/" + id + "/content");
            assertThat(content.status()).as("asset %s", id).isEqualTo(200);
            assertThat(Media.sha256(content.body())).isEqualTo(sha256);
          });
      everyStoredAssetReadsBackWhole(api);
    }
    everyBlobFileHashesToItsName(dataDir.resolve("blobs"));
    System.out.println(
        "crash test: " + acknowledged.size() + " acknowledged uploads survived kill -9");
  }

  private static void uploadUntilKilled(ServerProcess server, Map<String, String> acknowledged)
      throws Exception {
    Api api = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    for (int client = 0; client < 16; client++) {
      int seed = client;
      clients.submit(() -> upload(api, new Random(seed), killed, acknowledged));
    }
    long deadline = System.currentTimeMillis() + 20_000;
    while (acknowledged.size() < 150 && System.currentTimeMillis() < deadline) Thread.sleep(50);
    server.kill9();
    killed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
  }

  private static void upload(
      Api api, Random random, AtomicBoolean killed, Map<String, String> acknowledged) {
    while (!killed.get()) {
      byte[] png =
          withTrailer(Media.aPng(64 + random.nextInt(400), 64 + random.nextInt(400)), random);
      try {
        Api.Response response = api.upload("/api/assets", "crash.png", png, Map.of());
        if (response.status() == 201)
          acknowledged.put(response.json().get("id").asString(), Media.sha256(png));
      } catch (RuntimeException connectionLost) {
        // the server is gone: this upload was never acknowledged
      }
    }
  }

  /**
   * Random bytes after IEND make every upload distinct (and up to ~1 MiB), so blobs are written
   * concurrently.
   */
  private static byte[] withTrailer(byte[] png, Random random) {
    byte[] trailer = new byte[random.nextInt(1024 * 1024)];
    random.nextBytes(trailer);
    byte[] out = java.util.Arrays.copyOf(png, png.length + trailer.length);
    System.arraycopy(trailer, 0, out, png.length, trailer.length);
    return out;
  }

  private static void everyStoredAssetReadsBackWhole(Api api) {
    String cursor = null;
    do {
      JsonNode page =
          api.get("/api/assets?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      for (JsonNode asset : page.get("items")) {
        byte[] body = api.get("/api/assets/" + asset.get("id").asString() + "/content").body();
        assertThat(Media.sha256(body)).isEqualTo(asset.get("content_hash").asString());
      }
      cursor = page.has("next_cursor") ? page.get("next_cursor").asString() : null;
    } while (cursor != null);
  }

  private static void everyBlobFileHashesToItsName(Path blobs) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(blobs)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains(".staging"))
          .forEach(files::add);
    }
    for (Path file : files) {
      assertThat(Media.sha256(Files.readAllBytes(file))).isEqualTo(file.getFileName().toString());
    }
  }
}
