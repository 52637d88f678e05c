package dev.storyvault.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.BlobId;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import dev.storyvault.support.SecondInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A restore drill: content, a backup, more changes, then the backup restored into an empty
 * installation, which then answers the same bodies and ETags for everything made before the backup;
 * a damaged backup is refused and changes nothing.
 */
abstract class BackupRestoreContract extends ApiTestBase {

  @Autowired Environment environment;
  @Autowired BackupVault vault;

  /** The properties of a new, empty installation that reads the same backup target. */
  abstract Map<String, String> anEmptyInstallation();

  @Test
  void aRestoredBackupAnswersTheSameBodiesAndEtagsAndADamagedOneChangesNothing()
      throws IOException {
    byte[] picture = Media.aUniquePng();
    String asset =
        alice.upload("/api/assets", "p.png", picture, Map.of()).json().get("id").asString();
    String story =
        alice
            .postJson(
                "/api/stories",
                Map.of(
                    "title",
                    "Before the backup",
                    "content",
                    Map.of(
                        "pages",
                        List.of(
                            Map.of("page_number", 1, "text", "Once.", "image_asset_id", asset)))))
            .json()
            .get("id")
            .asString();
    Map<String, Object> creature = new LinkedHashMap<>();
    creature.put("sprite_asset_id", asset);
    creature.put("format", "png");
    creature.put(
        "metadata", Map.of("session_id", "drill", "input_type", "draw", "status", "active"));
    String doc =
        alice
            .postJson("/api/collections/creatures/documents", creature)
            .json()
            .get("id")
            .asString();
    Api.Response storyBefore = alice.get("/api/stories/" + story);
    Api.Response docBefore = alice.get("/api/collections/creatures/documents/" + doc);
    String id = admin.send("POST", "/api/admin/backups", new byte[0]).json().get("id").asString();
    alice.json("PATCH", "/api/stories/" + story, Map.of("title", "After the backup"));
    byte[] later = ("{\"drill\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    alice.upload("/api/assets", "d.json", later, Map.of());
    String damaged =
        admin.send("POST", "/api/admin/backups", new byte[0]).json().get("id").asString();
    BlobId blob = BlobId.of(Media.sha256(later));
    Path saved = Files.createTempFile("saved-", ".bin");
    try (var in = vault.blobs().open(blob, 0, later.length)) {
      Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
    }
    vault.blobs().delete(blob);

    Map<String, String> target = anEmptyInstallation();
    try (SecondInstance restoring = SecondInstance.with(withoutScheduler(target))) {
      BackupRestorer restorer = restoring.bean(BackupRestorer.class);
      leftDamaged(restoring.bean(dev.storyvault.blob.BlobStore.class), picture);
      assertThat(restorer.restore(damaged, (done, all) -> {}))
          .anyMatch(p -> p.startsWith("refused, the backup is damaged") && p.contains(blob.hex()));
      assertThat(restoring.bean(DatabaseSnapshots.class).liveCounts().get("assets")).isZero();
      assertThat(restorer.restore(id, (done, all) -> {})).isEmpty();
      assertThat(restorer.restore(id, (done, all) -> {})).anyMatch(p -> p.contains("not empty"));
    } finally {
      vault.blobs().put(blob, saved);
      Files.deleteIfExists(saved);
    }
    try (SecondInstance restored = SecondInstance.with(target)) {
      Api aliceThere = new Api(restored.baseUrl(), alice.token());
      Api.Response storyAfter = aliceThere.get("/api/stories/" + story);
      assertThat(storyAfter.status()).isEqualTo(200);
      assertThat(storyAfter.text()).isEqualTo(storyBefore.text());
      assertThat(storyAfter.header("ETag")).isEqualTo(storyBefore.header("ETag"));
      Api.Response docAfter = aliceThere.get("/api/collections/creatures/documents/" + doc);
      assertThat(docAfter.text()).isEqualTo(docBefore.text());
      assertThat(docAfter.header("ETag")).isEqualTo(docBefore.header("ETag"));
      assertThat(aliceThere.get("/api/assets/" + asset + "/content").body()).isEqualTo(picture);
      assertThat(aliceThere.get("/api/stories?q=Before").text()).contains(story);
    }
  }

  /**
   * A blob of the right size but other bytes, left under the picture's hash in the target's store
   * (an earlier install that went wrong): the restore must not take it for the picture.
   */
  private static void leftDamaged(dev.storyvault.blob.BlobStore target, byte[] picture)
      throws IOException {
    byte[] damaged = picture.clone();
    damaged[damaged.length / 2] ^= 0x5a;
    Path file = Files.createTempFile("damaged-", ".bin");
    try {
      Files.write(file, damaged);
      target.put(BlobId.of(Media.sha256(picture)), file);
    } catch (software.amazon.awssdk.services.s3.model.S3Exception refused) {
      // why nothing to do: the S3 store sends each blob's SHA-256, so S3 refuses bytes that do not
      // match their name and no damaged blob can be left there
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Map<String, String> withoutScheduler(Map<String, String> properties) {
    Map<String, String> quiet = new LinkedHashMap<>(properties);
    quiet.put("db-scheduler.enabled", "false");
    return quiet;
  }

  Map<String, String> same(String... keys) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String key : keys) {
      String value = environment.getProperty(key);
      if (value != null) properties.put(key, value);
    }
    return properties;
  }
}
