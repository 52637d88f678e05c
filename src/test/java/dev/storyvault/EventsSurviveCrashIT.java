package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.RecordingHttpServer;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Durable events on the packaged jar: the server is killed with kill -9 after a story delete
 * commits and before its listeners ran. After the restart the story's exports are released and the
 * CDN purge is sent.
 */
class EventsSurviveCrashIT {

  @Test
  void listenersThatACrashInterruptedRunAfterTheRestart() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-events-").resolve("data");
    try (RecordingHttpServer cdn = new RecordingHttpServer()) {
      Map<String, String> env =
          new HashMap<>(
              Map.of(
                  "STORYVAULT_ADMIN_API_KEY",
                  TestModes.ADMIN_KEY,
                  "STORYVAULT_CDN_PURGE",
                  "http",
                  "STORYVAULT_CDN_HTTP_URLS",
                  cdn.url()));
      String storyId = deleteAStoryWithAnExportThenCrash(dataDir, env);
      assertThat(count(dataDir, "SELECT COUNT(*) FROM story_exports WHERE story_id = ?", storyId))
          .isEqualTo(1);
      assertThat(count(dataDir, "SELECT COUNT(*) FROM event_publication", null))
          .isGreaterThanOrEqualTo(2);
      assertThat(cdn.received()).noneMatch(r -> storyKey(r, storyId));

      try (ServerProcess restarted = ServerProcess.start(dataDir, env)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> cdn.received().stream().anyMatch(r -> storyKey(r, storyId)));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> count(dataDir, "SELECT COUNT(*) FROM event_publication", null) == 0);
      }
      assertThat(count(dataDir, "SELECT COUNT(*) FROM story_exports WHERE story_id = ?", storyId))
          .isZero();
    }
  }

  private static String deleteAStoryWithAnExportThenCrash(Path dataDir, Map<String, String> env)
      throws Exception {
    Map<String, String> held = new HashMap<>(env);
    held.put("STORYVAULT_EVENTS_DELAY_LISTENERS", "PT10M");
    ServerProcess server = ServerProcess.start(dataDir, held);
    try {
      Api api = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
      Api.Response created =
          api.postJson(
              "/api/stories",
              Map.of(
                  "title",
                  "Doomed",
                  "content",
                  Map.of("pages", List.of(Map.of("page_number", 1, "text", "Once.")))));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("id").asString();
      assertThat(api.get("/api/stories/" + id + "/export/pdf").status()).isEqualTo(200);
      assertThat(api.delete("/api/stories/" + id).status()).isEqualTo(204);
      return id;
    } finally {
      server.kill9();
    }
  }

  private static boolean storyKey(RecordingHttpServer.Received request, String storyId) {
    return request.surrogateKey() != null && request.surrogateKey().contains("story-" + storyId);
  }

  private static long count(Path dataDir, String sql, String parameter) throws Exception {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storyvault.db"));
        var statement = db.prepareStatement(sql)) {
      if (parameter != null) statement.setString(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
