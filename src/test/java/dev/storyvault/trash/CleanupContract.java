package dev.storyvault.trash;

import static dev.storyvault.trash.TrashContract.story;
import static dev.storyvault.trash.TrashContract.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The nightly cleanup: content unused and untouched for a day is marked, purged after the grace
 * period if still unused (a new reference saves it, even one racing the purge); a dry run changes
 * nothing; the storage report shows owners, deduplication, the trash and the marks.
 */
abstract class CleanupContract extends ApiTestBase {

  @Autowired Cleanup cleanup;
  @Autowired BlobLedger ledger;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Duration moved = Duration.ZERO;

  @AfterEach
  void clockBack() {
    clock.advance(moved.negated());
    moved = Duration.ZERO;
  }

  private void later(Duration by) {
    clock.advance(by);
    moved = moved.plus(by);
  }

  @Test
  void anUnusedAssetIsMarkedThenPurgedAfterTheGracePeriod() {
    byte[] bytes = Media.aUniquePng();
    String asset = upload(alice, bytes);
    assertThat(ids(cleanup.run(true), "would_mark")).doesNotContain(asset);

    later(Duration.ofHours(25));
    Map<String, Object> dry = cleanup.run(true);
    assertThat(ids(dry, "would_mark")).contains(asset);
    assertThat(ids(cleanup.run(true), "would_mark"))
        .as("a dry run changes nothing")
        .contains(asset);
    assertThat(ids(cleanup.run(false), "marked")).contains(asset);
    assertThat(admin.get("/api/admin/storage").json().get("marked").get("items").asLong())
        .isPositive();
    assertThat(alice.get("/api/assets/" + asset).status()).as("marked, not gone").isEqualTo(200);

    later(Duration.ofDays(8));
    JsonNode wouldPurge = admin.get("/api/admin/cleanup").json().get("would_purge");
    assertThat(wouldPurge.toString()).contains(asset, "\"size_bytes\":" + bytes.length);
    assertThat(ids(cleanup.run(false), "purged")).contains(asset);
    assertThat(alice.get("/api/assets/" + asset).status()).isEqualTo(404);
    assertThat(ledger.referenceCount(BlobId.of(Media.sha256(bytes)))).isZero();
  }

  @Test
  void aNewReferenceSavesAMarkedAsset() {
    String asset = upload(alice, Media.aUniquePng());
    later(Duration.ofHours(25));
    assertThat(ids(cleanup.run(false), "marked")).contains(asset);
    story(alice, "Using it after all", asset);
    later(Duration.ofDays(8));
    Map<String, Object> report = cleanup.run(false);
    assertThat(ids(report, "purged")).doesNotContain(asset);
    assertThat((Integer) report.get("unmarked")).isPositive();
    assertThat(alice.get("/api/assets/" + asset + "/content").status()).isEqualTo(200);
  }

  @Test
  void aPurgeRacingANewReferenceNeverLeavesAStoryWithoutItsPicture() {
    List<String> assets = new ArrayList<>();
    for (int i = 0; i < 6; i++) assets.add(upload(alice, Media.aUniquePng()));
    later(Duration.ofHours(25));
    cleanup.run(false);
    later(Duration.ofDays(8));
    List<CompletableFuture<Api.Response>> creates = new ArrayList<>();
    CompletableFuture<Map<String, Object>> purge =
        CompletableFuture.supplyAsync(() -> cleanup.run(false));
    for (String asset : assets)
      creates.add(
          CompletableFuture.supplyAsync(
              () ->
                  alice.postJson(
                      "/api/stories",
                      Map.of(
                          "title",
                          "Racing",
                          "content",
                          Map.of(
                              "pages",
                              List.of(
                                  Map.of(
                                      "page_number", 1, "text", "x", "image_asset_id", asset)))))));
    purge.join();
    for (int i = 0; i < assets.size(); i++) {
      Api.Response created = creates.get(i).join();
      int content = alice.get("/api/assets/" + assets.get(i) + "/content").status();
      if (created.status() == 201)
        assertThat(content).as("a story keeps the picture it was made with").isEqualTo(200);
      else {
        assertThat(created.status()).as(created.text()).isEqualTo(422);
        assertThat(content).isEqualTo(404);
      }
    }
  }

  @Test
  void anExpiredSessionIsMarkedAndRemovedAfterTheGracePeriod() {
    String session =
        alice
            .postJson("/api/sessions", Map.of("characters", List.of("pip")))
            .json()
            .get("id")
            .asString();
    later(Duration.ofDays(32));
    assertThat(alice.get("/api/sessions/" + session).status()).as("expired").isEqualTo(404);
    assertThat(ids(cleanup.run(false), "marked")).contains(session);
    assertThat(sessionRows(session)).as("kept through the grace period").isEqualTo(1);
    later(Duration.ofDays(8));
    assertThat(ids(cleanup.run(false), "purged")).contains(session);
    assertThat(sessionRows(session)).isZero();
  }

  private long sessionRows(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM story_sessions WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void theStorageReportShowsOwnersDeduplicationTheTrashAndTheMarks() {
    byte[] same = Media.aUniquePng();
    upload(alice, same);
    upload(bob, same);
    String gone = upload(alice, Media.aUniquePng());
    alice.delete("/api/assets/" + gone);
    assertThat(alice.get("/api/admin/storage").status()).isEqualTo(403);
    JsonNode report = admin.get("/api/admin/storage").json();
    assertThat(report.get("blobs").get("saved_by_deduplication").asLong())
        .isGreaterThanOrEqualTo(same.length);
    assertThat(report.get("trash").get("items").asLong()).isPositive();
    JsonNode mine = null;
    for (JsonNode owner : report.get("owners"))
      if (owner.get("owner_id").asString().equals(aliceId)) mine = owner;
    assertThat(mine).isNotNull();
    assertThat(mine.get("assets").asLong()).isEqualTo(1);
    assertThat(mine.get("asset_bytes").asLong()).isGreaterThanOrEqualTo(same.length);
    assertThat(mine.get("trash_items").asLong()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> report, String list) {
    return ((List<Map<String, Object>>) report.get(list))
        .stream().map(i -> String.valueOf(i.get("id"))).toList();
  }
}
