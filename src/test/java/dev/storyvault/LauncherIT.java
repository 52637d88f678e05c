package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * target/app/storyvault, the launcher the build makes: the extracted server starts with the JDK's
 * ahead-of-time cache from the build's training run (the JVM is told to refuse to start without
 * it), serves, and keeps what it was given across a restart.
 */
class LauncherIT {

  @Test
  void theLauncherStartsTheServerWithTheAheadOfTimeCache() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-launcher-").resolve("data");
    Map<String, String> env = Map.of("STORYVAULT_ADMIN_API_KEY", TestModes.ADMIN_KEY);
    String story;
    try (ServerProcess server = ServerProcess.startFromLauncher(dataDir, env)) {
      Api admin = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
      Api.Response created = admin.postJson("/api/stories", Map.of("title", "Launched"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      story = created.json().get("id").asString();
    }
    try (ServerProcess again = ServerProcess.startFromLauncher(dataDir, env)) {
      Api admin = new Api(again.baseUrl(), TestModes.ADMIN_KEY);
      assertThat(admin.get("/api/stories/" + story).json().get("title").asString())
          .isEqualTo("Launched");
    }
  }
}
