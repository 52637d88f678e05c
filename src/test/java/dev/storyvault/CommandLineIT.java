package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.Media;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands, run from the packaged jar against the same data folder the server uses.
 */
class CommandLineIT {

  private static final Map<String, String> ENV =
      Map.of("STORYVAULT_ADMIN_API_KEY", TestModes.ADMIN_KEY);

  record Result(int exitCode, String output) {}

  @Test
  void operatorsCreateUsersAndKeysAndRevokeKeys() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-cli-").resolve("data");
    assertThat(run(dataDir, "users", "create", "maya", "correct horse battery").output())
        .contains("created user maya");
    Result key = run(dataDir, "keys", "create", "pipeline", "--scopes", "read");
    assertThat(key.exitCode()).isZero();
    String secret = key.output().lines().filter(l -> l.startsWith("sv_")).findFirst().orElseThrow();
    assertThat(run(dataDir, "users", "create", "maya", "another password").exitCode()).isEqualTo(1);
    assertThat(run(dataDir, "keys", "frobnicate").exitCode()).isEqualTo(2);

    try (ServerProcess server = ServerProcess.start(dataDir, ENV)) {
      Api anonymous = new Api(server.baseUrl(), null);
      assertThat(
              anonymous
                  .postJson(
                      "/api/auth/login",
                      Map.of("username", "maya", "password", "correct horse battery"))
                  .status())
          .isEqualTo(200);
      Api pipeline = anonymous.as(secret);
      assertThat(pipeline.get("/api/assets").status()).isEqualTo(200);
      assertThat(pipeline.upload("/api/assets", "a.png", Media.aPng(2, 2), Map.of()).status())
          .isEqualTo(403);
      String keyId = secret.split("_")[1];
      assertThat(run(dataDir, "keys", "revoke", keyId).exitCode()).isZero();
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> pipeline.get("/api/assets").status() == 401);
      assertThat(new Api(server.baseUrl(), TestModes.ADMIN_KEY).get("/api/audit").text())
          .contains("key.created", "key.revoked", "user.created");
    }
  }

  @Test
  void operatorsMakeVerifyListAndPruneBackupsWithExitCodesScriptsCanTrust() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-cli-").resolve("data");
    Result help = run(dataDir, "backup", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("create", "verify", "prune");
    assertThat(Files.exists(dataDir)).as("help starts nothing").isFalse();

    Result made = run(dataDir, "backup", "create", "--json");
    assertThat(made.exitCode()).as(made.output()).isZero();
    String json = made.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    String id = json.replaceAll(".*\"id\":\"(bkp_[0-9a-z]+)\".*", "$1");
    assertThat(
            Files.exists(
                dataDir.resolveSibling("backups").resolve("manifests").resolve(id + ".json")))
        .isTrue();

    Result verified = run(dataDir, "backup", "verify", id);
    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.output()).contains(id + ": ok");
    assertThat(run(dataDir, "backup", "verify", "bkp_doesnotexist00").exitCode()).isEqualTo(1);
    assertThat(run(dataDir, "backup", "frobnicate").exitCode()).isEqualTo(2);

    Result migrateHelp = run(dataDir, "migrate", "--help");
    assertThat(migrateHelp.exitCode()).isZero();
    assertThat(migrateHelp.output()).contains("--from", "--replace", "Stop the embedded server");
    Result intoItself = run(dataDir, "migrate", "--from", dataDir.toString());
    assertThat(intoItself.exitCode()).isEqualTo(1);
    assertThat(intoItself.output()).contains("this installation is embedded");
    assertThat(run(dataDir, "migrate").exitCode()).as("--from is required").isEqualTo(2);

    Result dryRun = run(dataDir, "cleanup", "--dry-run", "--json");
    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
    assertThat(dryRun.output()).contains("\"dry_run\":true", "\"would_purge\":[]");
  }

  private static Result run(Path dataDir, String... args) throws Exception {
    return run(dataDir, ENV, args);
  }

  /** The packaged jar with {@code args}, on {@code dataDir}, with {@code env} set. */
  static Result run(Path dataDir, Map<String, String> env, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-jar", System.getProperty("storyvault.jar", "target/storyvault.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("STORYVAULT_DATA_DIR", dataDir.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
