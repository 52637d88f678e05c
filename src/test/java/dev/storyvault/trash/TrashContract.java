package dev.storyvault.trash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The trash: a deleted story, asset or collection document leaves every read, is listed for its
 * owner alone, comes back exactly as it was, and is purged (its blobs released) once the grace
 * period is over.
 */
abstract class TrashContract extends ApiTestBase {

  @Autowired TrashRoom room;
  @Autowired BlobLedger ledger;

  @Test
  void aDeletedStoryLeavesEveryReadAndComesBackAsItWas() {
    String word = "trashword" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    String picture = upload(alice, Media.aUniquePng());
    String story = story(alice, "The " + word + " story", picture);
    alice.json("PATCH", "/api/stories/" + story, Map.of("tags", List.of("moon")));
    String link =
        alice
            .send("POST", "/api/stories/" + story + "/share-links", new byte[0])
            .json()
            .get("url")
            .asString();
    Api.Response before = alice.get("/api/stories/" + story);
    String versionsBefore = alice.get("/api/stories/" + story + "/versions").text();

    assertThat(alice.delete("/api/stories/" + story).status()).isEqualTo(204);
    assertThat(alice.get("/api/stories/" + story).status()).isEqualTo(404);
    assertThat(alice.get("/api/stories?q=" + word).text()).doesNotContain(story);
    assertThat(alice.get("/api/stories?tag=moon").text()).doesNotContain(story);
    assertThat(anonymous.get(link).status()).isEqualTo(404);
    JsonNode item = trashItem(alice, story);
    assertThat(item.get("kind").asString()).isEqualTo("story");
    assertThat(item.get("title").asString()).contains(word);
    assertThat(bob.get("/api/trash").text()).doesNotContain(story);
    String trashId = item.get("id").asString();
    assertThat(bob.send("POST", "/api/trash/" + trashId + "/restore", new byte[0]).status())
        .isEqualTo(404);

    assertThat(alice.send("POST", "/api/trash/" + trashId + "/restore", new byte[0]).status())
        .isEqualTo(200);
    Api.Response after = alice.get("/api/stories/" + story);
    assertThat(after.text()).isEqualTo(before.text());
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(alice.get("/api/stories/" + story + "/versions").text()).isEqualTo(versionsBefore);
    assertThat(alice.get("/api/stories?q=" + word).text()).contains(story);
    assertThat(alice.get("/api/stories?tag=moon").text()).contains(story);
    assertThat(anonymous.get(link).status()).isEqualTo(200);
    assertThat(alice.get("/api/trash").text()).doesNotContain(story);
  }

  @Test
  void aDeletedAssetKeepsItsBlobsUntilItIsPurgedAfterTheGracePeriod() {
    byte[] bytes = Media.aUniquePng();
    String asset = upload(alice, bytes);
    BlobId blob = BlobId.of(Media.sha256(bytes));
    assertThat(alice.delete("/api/assets/" + asset).status()).isEqualTo(204);
    assertThat(alice.get("/api/assets/" + asset).status()).isEqualTo(404);
    assertThat(alice.get("/api/assets/" + asset + "/content").status()).isEqualTo(404);
    assertThat(ledger.referenceCount(blob)).as("kept while in the trash").isPositive();

    String trashId = trashItem(alice, asset).get("id").asString();
    assertThat(alice.send("POST", "/api/trash/" + trashId + "/restore", new byte[0]).status())
        .isEqualTo(200);
    assertThat(alice.get("/api/assets/" + asset + "/content").body()).isEqualTo(bytes);

    assertThat(alice.delete("/api/assets/" + asset).status()).isEqualTo(204);
    room.purgeDue();
    assertThat(trashItem(alice, asset)).as("still within its grace period").isNotNull();
    clock.advance(Duration.ofDays(8));
    try {
      room.purgeDue();
    } finally {
      clock.advance(Duration.ofDays(-8));
    }
    assertThat(alice.get("/api/trash").text()).doesNotContain(asset);
    assertThat(ledger.referenceCount(blob)).as("released when purged").isZero();
  }

  @Test
  void aDeletedDocumentComesBackAndIsFoundByFiltersAgain() {
    String picture = upload(alice, Media.aUniquePng());
    String session = "trash-" + UUID.randomUUID();
    Map<String, Object> creature = new LinkedHashMap<>();
    creature.put("sprite_asset_id", picture);
    creature.put("format", "png");
    creature.put(
        "metadata", Map.of("session_id", session, "input_type", "draw", "status", "active"));
    String doc =
        alice
            .postJson("/api/collections/creatures/documents", creature)
            .json()
            .get("id")
            .asString();
    String filtered =
        "/api/collections/creatures/documents?filter="
            + URLEncoder.encode("metadata.session_id = '" + session + "'", StandardCharsets.UTF_8);
    Api.Response before = alice.get("/api/collections/creatures/documents/" + doc);

    assertThat(
            alice
                .send(
                    "DELETE",
                    "/api/collections/creatures/documents/" + doc,
                    new byte[0],
                    "If-Match",
                    before.header("ETag"))
                .status())
        .isEqualTo(204);
    assertThat(alice.get("/api/collections/creatures/documents/" + doc).status()).isEqualTo(404);
    assertThat(alice.get(filtered).text()).doesNotContain(doc);
    assertThat(alice.delete("/api/assets/" + picture).status())
        .as("the trashed document still uses its picture")
        .isEqualTo(409);

    String trashId = trashItem(alice, doc).get("id").asString();
    assertThat(alice.send("POST", "/api/trash/" + trashId + "/restore", new byte[0]).status())
        .isEqualTo(200);
    Api.Response after = alice.get("/api/collections/creatures/documents/" + doc);
    assertThat(after.json()).isEqualTo(before.json());
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(alice.get(filtered).text()).contains(doc);
  }

  @Test
  void anAssetUsedByAStoryInTheTrashIsFreedWhenThatStoryIsPurged() {
    String picture = upload(alice, Media.aUniquePng());
    String story = story(alice, "Holding a picture", picture);
    assertThat(alice.delete("/api/stories/" + story).status()).isEqualTo(204);
    assertThat(alice.delete("/api/assets/" + picture).status()).isEqualTo(409);
    String trashId = trashItem(alice, story).get("id").asString();
    assertThat(bob.delete("/api/trash/" + trashId).status()).isEqualTo(404);
    assertThat(alice.delete("/api/trash/" + trashId).status()).isEqualTo(204);
    assertThat(alice.send("POST", "/api/trash/" + trashId + "/restore", new byte[0]).status())
        .isEqualTo(404);
    assertThat(alice.delete("/api/assets/" + picture).status()).isEqualTo(204);
  }

  private static JsonNode trashItem(Api api, String itemId) {
    for (JsonNode item : api.get("/api/trash").json().get("items"))
      if (item.get("item_id").asString().equals(itemId)) return item;
    return null;
  }

  static String upload(Api api, byte[] png) {
    return api.upload("/api/assets", "p.png", png, Map.of()).json().get("id").asString();
  }

  static String story(Api api, String title, String picture) {
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
}
