package dev.storyvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data: the export holds everything they own (and nothing of anyone else's) with a
 * manifest whose hashes match; a large account's export is made in the background and fetched
 * through a link that expires; erasure leaves no table holding their id or name, keeps what other
 * people's content uses, and finishes after a crash.
 */
abstract class PersonalDataContract extends ApiTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataErasure erasure;

  /** A person who signs in, with content of every kind. */
  record Person(String id, String name, Api api, String story, String picture, String doc) {}

  @Test
  void anExportHoldsEverythingThePersonOwnsWithAManifestOfHashes() throws IOException {
    Person carol = aPersonWithContent();
    String bobsStory = story(bob, "Bob's private tale", null);
    Api.Response export = carol.api().get("/api/users/me/export");
    assertThat(export.status()).as(export.text()).isEqualTo(200);
    assertThat(export.contentType()).isEqualTo("application/zip");
    Map<String, byte[]> entries = unzip(export.body());
    assertThat(entries)
        .containsKeys(
            "manifest.json",
            "index.html",
            "account/profile.json",
            "account/keys.json",
            "account/preferences.json",
            "stories/" + carol.story() + "/story.json",
            "stories/" + carol.story() + "/versions/1.json",
            "stories/" + carol.story() + "/versions/2.json",
            "stories/reading-history.json",
            "assets/" + carol.picture() + "/asset.json",
            "assets/" + carol.picture() + "/v1-p.png",
            "collections/creatures/" + carol.doc() + "/document.json");
    assertThat(entries.get("assets/" + carol.picture() + "/v1-p.png"))
        .isEqualTo(carol.api().get("/api/assets/" + carol.picture() + "/content").body());
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest.get("user_id").asString()).isEqualTo(carol.id());
    for (JsonNode entry : manifest.get("entries")) {
      byte[] bytes = entries.get(entry.get("path").asString());
      assertThat(bytes).as(entry.get("path").asString()).isNotNull();
      assertThat(Media.sha256(bytes)).isEqualTo(entry.get("sha256").asString());
      assertThat(new String(entries.get("index.html"), StandardCharsets.UTF_8))
          .contains(entry.get("path").asString());
    }
    String all = everything(entries);
    assertThat(all).contains("night garden", "\"theme\"").doesNotContain(bobsStory, "sv_");
    assertThat(new String(entries.get("account/keys.json"), StandardCharsets.UTF_8))
        .doesNotContain("secret_hash");
  }

  @Test
  void aBackgroundExportIsFetchedThroughALinkThatExpires() throws IOException {
    Person carol = aPersonWithContent();
    carol.api().upload("/api/assets", "long.wav", Media.aWav(8.0), Map.of());
    Api.Response started = carol.api().get("/api/users/me/export");
    assertThat(started.status()).as("larger than the inline limit").isEqualTo(202);
    String status = started.header("Location");
    assertThat(bob.get(status).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> carol.api().get(status).json().get("status").asString().equals("ready"));
    String link = carol.api().get(status).json().get("download_url").asString();
    Api.Response zip = anonymous.get(link);
    assertThat(zip.status()).isEqualTo(200);
    assertThat(unzip(zip.body())).containsKey("manifest.json");
    assertThat(anonymous.get(link.replace("sig=", "sig=0")).status()).isIn(401, 403);
    clock.advance(Duration.ofMinutes(16));
    try {
      assertThat(anonymous.get(link).status()).isIn(401, 403);
    } finally {
      clock.advance(Duration.ofMinutes(-16));
    }
  }

  @Test
  void erasureLeavesNoTableHoldingThePersonAndKeepsWhatOthersUse() {
    Person carol = aPersonWithContent();
    String carolsKey = newKeyFor(carol.id());
    String shared = sharedAssetUsedByBob(carol);
    String bobsStory = story(bob, "Bob shares with Carol", shared);
    bob.json(
        "PATCH",
        "/api/stories/" + bobsStory,
        Map.of("sharing", Map.of("shared_with", List.of(carol.id()))));
    assertThat(carol.api().get("/api/stories/" + bobsStory).status()).isEqualTo(200);
    assertThat(carol.api().send("POST", "/api/users/me/exports", new byte[0]).status())
        .isEqualTo(202);

    assertThat(tablesMentioning(carol.id(), carol.name()))
        .as("the scan sees the person before")
        .contains("users.id", "stories.owner_id", "api_keys.user_id", "story_versions.document");
    Api.Response erased = carol.api().delete("/api/users/me/data");
    assertThat(erased.status()).as(erased.text()).isEqualTo(200);
    assertThat(erased.json().get("removed").get("stories").asInt()).isEqualTo(1);

    assertThat(carol.api().get("/api/users/me").status()).isEqualTo(401);
    assertThat(admin.as(carolsKey).get("/api/assets").status()).isEqualTo(401);
    assertThat(admin.get("/api/stories/" + carol.story()).status()).isEqualTo(404);
    assertThat(admin.get("/api/assets/" + carol.picture()).status()).isEqualTo(404);
    Api.Response bobs = bob.get("/api/stories/" + bobsStory);
    assertThat(bobs.status()).isEqualTo(200);
    assertThat(bobs.text()).doesNotContain(carol.id());
    assertThat(bob.get("/api/assets/" + shared + "/content").status()).isEqualTo(200);
    assertThat(admin.get("/api/audit").text()).contains("user.data-erased");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(tablesMentioning(carol.id(), carol.name())).isEmpty());
  }

  @Test
  void onlyThePersonOrAnAdminErasesAndTheOperatorAccountIsRefused() {
    Person carol = aPersonWithContent();
    String readOnly = newKeyFor(carol.id(), List.of("read"));
    assertThat(admin.as(readOnly).delete("/api/users/me/data").status()).isEqualTo(403);
    assertThat(anonymous.delete("/api/user/data").status()).isEqualTo(401);
    assertThat(admin.delete("/api/users/me/data").status()).isEqualTo(409);
    assertThat(bob.delete("/api/admin/users/" + carol.id() + "/data").status()).isEqualTo(403);
    assertThat(admin.delete("/api/admin/users/usr_00000000000000000000nobody/data").status())
        .isEqualTo(404);
    assertThat(admin.get("/api/stories/" + carol.story()).status()).isEqualTo(200);
    Api.Response erased = admin.delete("/api/admin/users/" + carol.id() + "/data");
    assertThat(erased.status()).as(erased.text()).isEqualTo(200);
    assertThat(admin.get("/api/stories/" + carol.story()).status()).isEqualTo(404);
  }

  @Test
  void anErasureACrashInterruptedIsFinishedWhenTheServerStarts() {
    Person carol = aPersonWithContent();
    jdbc.sql("INSERT INTO personal_data_erasures (user_id, requested_at) VALUES (?, ?)")
        .params(carol.id(), clock.millis())
        .update();
    erasure.resume();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get("/api/stories/" + carol.story()).status() == 404);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT COUNT(*) FROM personal_data_erasures WHERE user_id = ?")
                        .param(carol.id())
                        .query(Long.class)
                        .single()
                    == 0);
    assertThat(carol.api().get("/api/users/me").status()).isEqualTo(401);
  }

  // --- the person and their content

  private Person aPersonWithContent() {
    String name = "carol-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        admin.postJson("/api/users", Map.of("username", name, "password", "a long passphrase 1"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asString();
    String token =
        anonymous
            .postJson(
                "/api/auth/login", Map.of("username", name, "password", "a long passphrase 1"))
            .json()
            .get("token")
            .asString();
    Api carol = admin.as(token);
    String picture =
        carol
            .upload("/api/assets", "p.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    String story = story(carol, "A night garden", picture);
    carol.json("PATCH", "/api/stories/" + story, Map.of("title", "A night garden, revised"));
    carol.get("/api/stories/" + story);
    carol.json("PUT", "/api/user/preferences", Map.of("theme", "dark"));
    Map<String, Object> creature = new LinkedHashMap<>();
    creature.put("sprite_asset_id", picture);
    creature.put("format", "png");
    creature.put(
        "metadata", Map.of("session_id", "s-" + name, "input_type", "draw", "status", "active"));
    String doc =
        carol
            .postJson("/api/collections/creatures/documents", creature)
            .json()
            .get("id")
            .asString();
    return new Person(id, name, carol, story, picture, doc);
  }

  private String sharedAssetUsedByBob(Person carol) {
    String id =
        carol
            .api()
            .upload("/api/assets", "shared.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    carol.api().json("PATCH", "/api/assets/" + id, Map.of("public", true));
    return id;
  }

  private static String story(Api api, String title, String image) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("page_number", 1);
    page.put("text", "Once, " + title.toLowerCase() + ".");
    if (image != null) page.put("image_asset_id", image);
    Api.Response created =
        api.postJson(
            "/api/stories", Map.of("title", title, "content", Map.of("pages", List.of(page))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String newKeyFor(String userId) {
    return newKeyFor(userId, List.of("read", "write"));
  }

  private String newKeyFor(String userId, List<String> scopes) {
    Api.Response key =
        admin.postJson("/api/keys", Map.of("name", "carol's", "user_id", userId, "scopes", scopes));
    assertThat(key.status()).as(key.text()).isEqualTo(201);
    return key.json().get("key").asString();
  }

  // --- reading what is stored

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; )
        entries.put(e.getName(), in.readAllBytes());
    }
    return entries;
  }

  private static String everything(Map<String, byte[]> entries) {
    StringBuilder all = new StringBuilder();
    entries.forEach(
        (name, bytes) -> {
          if (name.endsWith(".json")) all.append(new String(bytes, StandardCharsets.UTF_8));
        });
    return all.toString();
  }

  /** "table.column" for every stored value that contains {@code id} or {@code name}. */
  private List<String> tablesMentioning(String id, String name) {
    List<String> found = new ArrayList<>();
    for (String table : tables()) {
      jdbc.sql("SELECT * FROM \"" + table + "\"")
          .query(
              rs -> {
                var meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                  Object value = rs.getObject(i);
                  String text =
                      value instanceof byte[] b
                          ? new String(b, StandardCharsets.UTF_8)
                          : String.valueOf(value);
                  if (text.contains(id) || text.contains(name))
                    found.add(table + "." + meta.getColumnLabel(i));
                }
              });
    }
    return found;
  }

  abstract List<String> tables();
}
