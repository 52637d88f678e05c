package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.Media;
import dev.storyvault.support.S3ProxyServer;
import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restore drill on the packaged jar: content is made while a writer keeps writing; a backup is
 * taken; more changes and deletions follow and the blob collector runs with a one-second grace
 * period; the backup is restored with the command line into an empty installation, and a server
 * started on it answers the same bodies and ETags for everything acknowledged before the backup,
 * and every asset's bytes hash to its content hash. An embedded backup restored into scale-out
 * passes the same checks.
 */
class RestoreDrillIT {

  /** What was read back before the backup: path → (body, ETag). */
  record Seen(Map<String, String[]> reads, List<String> assets) {}

  @Test
  void anEmbeddedBackupRestoresIntoEmbeddedAndIntoScaleOut() throws Exception {
    Path home = Files.createTempDirectory("storyvault-drill-");
    Map<String, String> source = embedded(home);
    Drill drill = drill(home.resolve("data"), source);

    Path restored = home.resolve("restored");
    restore(restored, embedded(home), drill.backupId());
    checks(restored, embedded(home), drill.seen());

    assumeScaleOut();
    Map<String, String> scaleOut = scaleOut(home);
    restore(home.resolve("moved"), scaleOut, drill.backupId());
    checks(home.resolve("moved"), scaleOut, drill.seen());
  }

  @Test
  @ExtendWith(ScaleOutServices.class)
  void aScaleOutBackupRestoresIntoAnEmptyScaleOutInstallation() throws Exception {
    Path home = Files.createTempDirectory("storyvault-drill-");
    Drill drill = drill(home.resolve("data"), scaleOut(home));
    Map<String, String> target = scaleOut(home);
    restore(home.resolve("restored"), target, drill.backupId());
    checks(home.resolve("restored"), target, drill.seen());
  }

  record Drill(String backupId, Seen seen) {}

  private static Drill drill(Path dataDir, Map<String, String> env) throws Exception {
    Map<String, String> quickCollector = new HashMap<>(env);
    // why not PT0S: an upload claims its blob a moment before referencing it; with no grace at all
    // the collector may take it in between and the upload answers 503 "try again"
    quickCollector.put("STORYVAULT_BLOBS_COLLECTAFTER", "PT1S");
    quickCollector.put("STORYVAULT_BLOBS_COLLECTEVERY", "PT1S");
    quickCollector.put("DBSCHEDULER_POLLINGINTERVAL", "PT0.5S");
    try (ServerProcess server = ServerProcess.start(dataDir, quickCollector)) {
      Api admin = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
      Api writer =
          admin.as(
              admin
                  .postJson(
                      "/api/keys", Map.of("name", "drill", "scopes", List.of("read", "write")))
                  .json()
                  .get("key")
                  .asString());
      List<String> assets = new ArrayList<>();
      List<String> stories = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String asset = upload(writer, Media.aUniquePng());
        assets.add(asset);
        stories.add(story(writer, "Drill story " + i, asset));
      }
      String doomedAsset =
          upload(
              writer,
              ("{\"doomed\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
      assets.add(doomedAsset);

      List<String> acknowledged = new CopyOnWriteArrayList<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread background =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int n = 0; writing.get(); n++)
                      acknowledged.add(story(writer, "Written meanwhile " + n, null));
                  });
      Thread.sleep(500);
      List<String> before = List.copyOf(acknowledged);
      Map<String, String[]> reads = new LinkedHashMap<>();
      for (String path : paths(assets, stories, before)) {
        Api.Response r = writer.get(path);
        reads.put(path, new String[] {Media.sha256(r.body()), r.header("ETag")});
      }
      String backupId =
          admin.send("POST", "/api/admin/backups", new byte[0]).json().get("id").asString();

      writer.json("PATCH", "/api/stories/" + stories.get(0), Map.of("title", "Changed after"));
      writer.delete("/api/stories/" + stories.get(1));
      purge(writer, stories.get(1));
      writer.delete("/api/assets/" + doomedAsset);
      purge(writer, doomedAsset);
      Thread.sleep(3500); // why: the collector runs every second with a one-second grace period
      writing.set(false);
      background.join();
      assertThat(acknowledged.size()).as("the writer kept writing").isGreaterThan(before.size());
      return new Drill(backupId, new Seen(reads, assets));
    }
  }

  private static List<String> paths(
      List<String> assets, List<String> stories, List<String> written) {
    List<String> paths = new ArrayList<>();
    for (String asset : assets) {
      paths.add("/api/assets/" + asset);
      paths.add("/api/assets/" + asset + "/content");
    }
    for (String story : stories) {
      paths.add("/api/stories/" + story);
      paths.add("/api/stories/" + story + "/versions");
    }
    written.stream().limit(40).forEach(id -> paths.add("/api/stories/" + id));
    return paths;
  }

  private static void restore(Path dataDir, Map<String, String> env, String backupId)
      throws Exception {
    CommandLineIT.Result restored =
        CommandLineIT.run(dataDir, env, "backup", "restore", backupId, "--json");
    assertThat(restored.exitCode()).as(restored.output()).isZero();
    assertThat(restored.output()).contains("\"ok\":true");
  }

  private static void checks(Path dataDir, Map<String, String> env, Seen seen) throws Exception {
    try (ServerProcess server = ServerProcess.start(dataDir, env)) {
      Api admin = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
      seen.reads()
          .forEach(
              (path, before) -> {
                Api.Response after = admin.get(path);
                assertThat(after.status()).as(path).isEqualTo(200);
                assertThat(Media.sha256(after.body())).as(path).isEqualTo(before[0]);
                assertThat(after.header("ETag")).as(path).isEqualTo(before[1]);
              });
      for (String asset : seen.assets()) {
        String hash = admin.get("/api/assets/" + asset).json().get("content_hash").asString();
        assertThat(Media.sha256(admin.get("/api/assets/" + asset + "/content").body()))
            .as("asset " + asset + " re-hashes")
            .isEqualTo(hash);
      }
    }
  }

  private static void purge(Api owner, String itemId) {
    for (var item : owner.get("/api/trash").json().get("items"))
      if (item.get("item_id").asString().equals(itemId))
        owner.delete("/api/trash/" + item.get("id").asString());
  }

  private static String upload(Api api, byte[] bytes) {
    Api.Response uploaded = api.upload("/api/assets", "f.bin", bytes, Map.of());
    assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
    return uploaded.json().get("id").asString();
  }

  private static String story(Api api, String title, String picture) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("page_number", 1);
    page.put("text", title + ".");
    if (picture != null) page.put("image_asset_id", picture);
    Api.Response created =
        api.postJson(
            "/api/stories", Map.of("title", title, "content", Map.of("pages", List.of(page))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static Map<String, String> embedded(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("STORYVAULT_ADMIN_API_KEY", TestModes.ADMIN_KEY);
    env.put("STORYVAULT_BACKUPS_FOLDER", home.resolve("backups").toString());
    env.put("STORYVAULT_BACKUPS_SCHEDULED", "false");
    return env;
  }

  private static Map<String, String> scaleOut(Path home) {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, String> env = embedded(home);
    env.put(
        "STORYVAULT_DATABASE_URL",
        "jdbc:postgresql://"
            + ScaleOutServices.PG_HOST
            + ":"
            + ScaleOutServices.PG_PORT
            + "/test?currentSchema=sv_"
            + unique);
    env.put("STORYVAULT_DATABASE_USERNAME", "postgres");
    env.put("SPRING_FLYWAY_SCHEMAS", "sv_" + unique);
    env.put("SPRING_FLYWAY_CREATESCHEMAS", "true");
    env.put("STORYVAULT_BLOBS_STORE", "s3");
    env.put("STORYVAULT_BLOBS_S3_ENDPOINT", S3ProxyServer.get().endpoint());
    env.put("STORYVAULT_BLOBS_S3_BUCKET", "sv-" + unique);
    env.put("STORYVAULT_BLOBS_S3_ACCESSKEY", S3ProxyServer.ACCESS_KEY);
    env.put("STORYVAULT_BLOBS_S3_SECRETKEY", S3ProxyServer.SECRET_KEY);
    env.put("STORYVAULT_BLOBS_S3_CREATEBUCKET", "true");
    return env;
  }

  private static void assumeScaleOut() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "true".equals(System.getenv("CI"))
            || dev.storyvault.support.Ports.answers(
                ScaleOutServices.PG_HOST, ScaleOutServices.PG_PORT),
        "no PostgreSQL: the embedded backup is not restored into scale-out");
  }
}
