package dev.storyvault.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import dev.storyvault.support.ScaleOutMode;
import dev.storyvault.support.SecondInstance;
import dev.storyvault.support.TestModes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An embedded installation with stories, assets, variants, versions, shares, keys and collection
 * documents, moved to PostgreSQL and S3 twice: by {@code migrate} on its data folder, and by
 * restoring its backup. Each scale-out result answers every read the embedded server answered with
 * the same status, body and ETag, finds the same search results, and goes on taking writes.
 */
@ScaleOutMode
class EmbeddedToScaleOutTest extends ApiTestBase {

  @Autowired Environment environment;

  /** The embedded installation, made once for both tests. */
  private static Source source;

  record Source(
      Path dataDir,
      Path backups,
      String backupId,
      String aliceKey,
      String bobKey,
      Map<String, Api.Response> aliceReads,
      Map<String, Api.Response> bobReads,
      Map<String, Api.Response> anonymousReads) {}

  @Test
  void aMigratedInstallationAnswersEveryReadAsTheEmbeddedOneDid() throws IOException {
    Source embedded = source();
    Map<String, String> target = anEmptyScaleOutInstallation();
    try (SecondInstance migrating = SecondInstance.with(withoutScheduler(target))) {
      BackupOperations operations = migrating.bean(BackupOperations.class);
      BackupOperations.Outcome first = migrate(operations, embedded.dataDir(), false);
      assertThat(first.ok()).as(first.json()).isTrue();
      assertThat(first.body().get("copied_blobs")).isEqualTo(first.body().get("blobs"));
      assertThat(first.json()).contains("\"stories\":3");
      BackupOperations.Outcome again = migrate(operations, embedded.dataDir(), false);
      assertThat(again.ok()).isFalse();
      assertThat(again.json()).contains("not empty");
      BackupOperations.Outcome replaced = migrate(operations, embedded.dataDir(), true);
      assertThat(replaced.ok()).as(replaced.json()).isTrue();
      assertThat(replaced.body().get("copied_blobs")).isEqualTo(0);
    }
    answersAsTheEmbeddedOneDid(target, embedded);
  }

  @Test
  void anEmbeddedBackupRestoredIntoScaleOutAnswersAsTheEmbeddedOneDid() throws IOException {
    Source embedded = source();
    Map<String, String> target = anEmptyScaleOutInstallation();
    target.put("storyvault.backups.store", "disk");
    target.put("storyvault.backups.folder", embedded.backups().toString());
    try (SecondInstance restoring = SecondInstance.with(withoutScheduler(target))) {
      BackupOperations.Outcome restored =
          restoring.bean(BackupOperations.class).restore(embedded.backupId(), (d, a) -> {});
      assertThat(restored.ok()).as(restored.json()).isTrue();
    }
    answersAsTheEmbeddedOneDid(target, embedded);
  }

  private static BackupOperations.Outcome migrate(
      BackupOperations operations, Path dataDir, boolean replace) throws IOException {
    return operations.migrate(dataDir, replace, line -> {}, (done, all) -> {});
  }

  private void answersAsTheEmbeddedOneDid(Map<String, String> target, Source embedded) {
    try (SecondInstance migrated = SecondInstance.with(target)) {
      Api aliceThere = new Api(migrated.baseUrl(), embedded.aliceKey());
      sameAnswers(aliceThere, embedded.aliceReads());
      sameAnswers(aliceThere.as(embedded.bobKey()), embedded.bobReads());
      sameAnswers(aliceThere.anonymous(), embedded.anonymousReads());
      String newer = aStory(aliceThere, "Written after the move", "lighthouse", null);
      String found = aliceThere.get("/api/stories?q=lighthouse").text();
      assertThat(found).contains(newer);
      assertThat(found.indexOf(newer))
          .as("newest first: doc numbers continue past the copied ones")
          .isLessThan(found.indexOf(embedded.aliceReads().get("first story id").text()));
    }
  }

  private static void sameAnswers(Api caller, Map<String, Api.Response> reads) {
    reads.forEach(
        (path, before) -> {
          if (!path.startsWith("/")) return;
          Api.Response after = caller.get(path);
          assertThat(after.status()).as(path + ": " + after.text()).isEqualTo(before.status());
          // why trees for collection documents: PostgreSQL's jsonb keeps an object's keys in its
          // own order, so the same document is the same JSON with its keys in another order
          if (path.startsWith("/api/collections/"))
            assertThat(after.json()).as(path).isEqualTo(before.json());
          else assertThat(after.text()).as(path).isEqualTo(before.text());
          assertThat(after.header("ETag")).as(path).isEqualTo(before.header("ETag"));
        });
  }

  private static synchronized Source source() {
    if (source == null) source = anEmbeddedInstallation();
    return source;
  }

  private static Source anEmbeddedInstallation() {
    Path home = TestModes.tempDir("storyvault-migrate-");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("storyvault.data-dir", home.resolve("data").toString());
    properties.put("storyvault.backups.folder", home.resolve("backups").toString());
    properties.put("storyvault.backups.scheduled", "false");
    properties.put("storyvault.admin-api-key", TestModes.ADMIN_KEY);
    properties.put("storyvault.images.processor", "java");
    try (SecondInstance embedded = SecondInstance.with(properties)) {
      Api admin = new Api(embedded.baseUrl(), TestModes.ADMIN_KEY);
      Api alice = admin.as(key(admin, "alice"));
      Api bob = admin.as(key(admin, "bob"));
      String bobId = bob.get("/api/users/me").json().get("id").asString();
      String picture = upload(alice, "p.png", Media.aPng(640, 480));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  alice.get("/api/assets/" + picture + "/variants/thumbnail?v=1").status() == 200);
      String first = aStory(alice, "The harbour lighthouse", "lighthouse", picture);
      String second = aStory(alice, "A shared lighthouse", "lighthouse", null);
      alice.json(
          "PATCH",
          "/api/stories/" + second,
          Map.of(
              "title",
              "A shared lighthouse, revised",
              "sharing",
              Map.of("shared_with", List.of(bobId))));
      aStory(bob, "Bob's own tale", "harbour", null);
      String link =
          alice
              .send("POST", "/api/stories/" + first + "/share-links", new byte[0])
              .json()
              .get("url")
              .asString();
      Map<String, Object> creature = new LinkedHashMap<>();
      creature.put("sprite_asset_id", picture);
      creature.put("format", "png");
      creature.put(
          "metadata", Map.of("session_id", "move", "input_type", "draw", "status", "active"));
      String doc =
          alice
              .postJson("/api/collections/creatures/documents", creature)
              .json()
              .get("id")
              .asString();
      Map<String, Api.Response> aliceReads = new LinkedHashMap<>();
      for (String path :
          List.of(
              "/api/stories/" + first,
              "/api/stories/" + second,
              "/api/stories/" + second + "/versions",
              "/api/stories/" + second + "/versions/1",
              "/api/stories?q=lighthouse",
              "/api/stories?tag=lighthouse",
              "/api/stories",
              "/api/assets/" + picture,
              "/api/assets/" + picture + "/content",
              "/api/assets/" + picture + "/variants/thumbnail?v=1",
              "/api/assets/" + picture + "/references",
              "/api/collections/creatures/documents/" + doc,
              "/api/collections/creatures/documents/" + doc + "/versions",
              "/api/collections/creatures/documents?filter="
                  + URLEncoder.encode("metadata.status = 'active'", StandardCharsets.UTF_8),
              "/api/users/me")) aliceReads.put(path, alice.get(path));
      aliceReads.put("first story id", new Api.Response(200, Map.of(), first.getBytes()));
      Map<String, Api.Response> bobReads = new LinkedHashMap<>();
      for (String path : List.of("/api/stories/" + second, "/api/stories/" + first, "/api/stories"))
        bobReads.put(path, bob.get(path));
      Map<String, Api.Response> anonymousReads = new LinkedHashMap<>();
      for (String path : List.of(link, "/api/stories/" + first))
        anonymousReads.put(path, admin.anonymous().get(path));
      String backupId =
          admin.send("POST", "/api/admin/backups", new byte[0]).json().get("id").asString();
      return new Source(
          home.resolve("data"),
          home.resolve("backups"),
          backupId,
          alice.token(),
          bob.token(),
          aliceReads,
          bobReads,
          anonymousReads);
    }
  }

  private static String key(Api admin, String name) {
    return admin
        .postJson("/api/keys", Map.of("name", name, "scopes", List.of("read", "write")))
        .json()
        .get("key")
        .asString();
  }

  private static String upload(Api api, String name, byte[] content) {
    return api.upload("/api/assets", name, content, Map.of()).json().get("id").asString();
  }

  private static String aStory(Api api, String title, String tag, String image) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("page_number", 1);
    page.put("text", "Once upon a time, " + title.toLowerCase() + ".");
    if (image != null) page.put("image_asset_id", image);
    Api.Response created =
        api.postJson(
            "/api/stories",
            Map.of(
                "title", title, "tags", List.of(tag), "content", Map.of("pages", List.of(page))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private Map<String, String> anEmptyScaleOutInstallation() {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, String> properties = new LinkedHashMap<>();
    for (String key :
        List.of(
            "storyvault.database.username",
            "storyvault.blobs.store",
            "storyvault.blobs.s3.endpoint",
            "storyvault.blobs.s3.access-key",
            "storyvault.blobs.s3.secret-key",
            "storyvault.backups.store",
            "storyvault.backups.s3.endpoint",
            "storyvault.backups.s3.bucket",
            "storyvault.backups.s3.access-key",
            "storyvault.backups.s3.secret-key")) properties.put(key, environment.getProperty(key));
    properties.put("storyvault.admin-api-key", TestModes.ADMIN_KEY);
    // why: the variants an asset lists are the ones its server's image processor can make
    properties.put("storyvault.images.processor", "java");
    properties.put(
        "storyvault.database.url",
        environment
            .getProperty("storyvault.database.url")
            .replaceAll("currentSchema=\\w+", "currentSchema=sv_" + unique));
    properties.put("spring.flyway.schemas", "sv_" + unique);
    properties.put("spring.flyway.create-schemas", "true");
    properties.put("storyvault.blobs.s3.bucket", "sv-" + unique);
    properties.put("storyvault.blobs.s3.create-bucket", "true");
    properties.put("storyvault.data-dir", TestModes.tempDir("storyvault-moved-").toString());
    return properties;
  }

  private static Map<String, String> withoutScheduler(Map<String, String> properties) {
    Map<String, String> quiet = new LinkedHashMap<>(properties);
    quiet.put("db-scheduler.enabled", "false");
    return quiet;
  }
}
