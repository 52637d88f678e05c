package dev.storyvault.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.BlobCollector;
import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Backups over HTTP and underneath: what a backup holds, dedup, verify, tampering, the collector.
 */
abstract class BackupContract extends ApiTestBase {

  @Autowired BackupMaker maker;
  @Autowired BackupVault vault;
  @Autowired BlobCollector collector;
  @Autowired BlobStore live;

  @Test
  void aBackupHoldsTheDatabaseAndEveryBlobItReferences() {
    byte[] picture = Media.aUniquePng();
    String asset =
        alice.upload("/api/assets", "a.png", picture, Map.of()).json().get("id").asString();
    alice.postJson(
        "/api/stories",
        Map.of(
            "title",
            "Backed up",
            "content",
            Map.of(
                "pages", List.of(Map.of("page_number", 1, "text", "x", "image_asset_id", asset)))));

    Api.Response made = admin.send("POST", "/api/admin/backups", new byte[0]);
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    String id = made.json().get("id").asString();
    JsonNode manifest = admin.get("/api/admin/backups/" + id).json();
    assertThat(hashes(manifest)).contains(Media.sha256(picture));
    assertThat(manifest.get("tables").get("stories").asLong()).isPositive();
    assertThat(manifest.get("tables").get("assets").asLong()).isPositive();
    assertThat(manifest.get("schema_version").asString()).isNotBlank();

    JsonNode report =
        admin.send("POST", "/api/admin/backups/" + id + "/verify", new byte[0]).json();
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(admin.get("/api/admin/backups").text()).contains(id);
  }

  @Test
  void aSecondBackupCopiesOnlyTheBlobsTheFirstLacks() {
    JsonNode first = manifest(backup());
    byte[] data = ("{\"n\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    alice.upload("/api/assets", "d.json", data, Map.of());
    JsonNode second = manifest(backup());
    Set<String> added = new HashSet<>(hashes(second));
    added.removeAll(hashes(first));
    assertThat(added).contains(Media.sha256(data));
    assertThat(second.get("copied_blobs").asInt()).isEqualTo(added.size());
  }

  @Test
  void damagedOrMissingBlobsAndForeignManifestsFailVerificationByName() throws IOException {
    byte[] data = ("{\"tamper\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    alice.upload("/api/assets", "t.json", data, Map.of());
    String id = backup();
    BlobId blob = BlobId.of(Media.sha256(data));
    byte[] original = read(blob);
    try {
      byte[] flipped = original.clone();
      flipped[3] ^= 0x20;
      replace(blob, flipped);
      assertThat(verify(id)).anyMatch(p -> p.contains(blob.hex()) && p.contains("damaged"));

      vault.blobs().delete(blob);
      assertThat(verify(id)).anyMatch(p -> p.contains(blob.hex()) && p.contains("missing"));
    } finally {
      replace(blob, original);
    }
    assertThat(verify(id)).isEmpty();

    String manifest =
        new String(vault.manifests().get(id + ".json").orElseThrow(), StandardCharsets.UTF_8);
    String snapshot = manifest(id).get("snapshot").get("sha256").asString();
    vault
        .manifests()
        .put(
            id + ".json",
            manifest.replace(snapshot, "../../../etc/passwd").getBytes(StandardCharsets.UTF_8));
    assertThat(verify(id))
        .singleElement()
        .asString()
        .startsWith("manifest:")
        .contains("../../../etc/passwd");
  }

  @Test
  void theCollectorRemovesNothingABackupStillHasToCopy() throws IOException {
    byte[] data = ("{\"doomed\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    String asset =
        alice.upload("/api/assets", "c.json", data, Map.of()).json().get("id").asString();
    BlobId blob = BlobId.of(Media.sha256(data));
    List<Integer> collectedDuring = new ArrayList<>();
    Manifest made =
        maker.create(
            id -> {
              assertThat(alice.delete("/api/assets/" + asset).status()).isEqualTo(204);
              purgeFromTrash(alice, asset);
              collectedDuring.add(collector.collect(Long.MAX_VALUE));
            },
            (done, all) -> {});
    assertThat(collectedDuring).containsExactly(0);
    assertThat(made.blobs()).contains(new Manifest.Entry(blob.hex(), data.length));
    assertThat(verify(made.id())).isEmpty();

    collector.collect(Long.MAX_VALUE);
    assertThat(live.size(blob)).isEmpty();
    assertThat(verify(made.id())).as("the backup keeps what the live store let go").isEmpty();
  }

  @Test
  void pruneKeepsTheNewestBackupOfTheDayAndTheBlobsItNeeds() {
    backup();
    backup();
    String newest = backup();
    Api.Response pruned = admin.send("POST", "/api/admin/backups/prune", new byte[0]);
    assertThat(pruned.status()).isEqualTo(200);
    assertThat(pruned.json().get("removed")).isNotEmpty();
    JsonNode left = admin.get("/api/admin/backups").json().get("items");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("id").asString()).isEqualTo(newest);
    assertThat(verify(newest)).isEmpty();
  }

  @Test
  void onlyAdminsReachBackups() {
    assertThat(alice.get("/api/admin/backups").status()).isEqualTo(403);
    assertThat(anonymous.send("POST", "/api/admin/backups", new byte[0]).status()).isEqualTo(401);
    assertThat(admin.get("/api/admin/backups/bkp_doesnotexist00").status()).isEqualTo(404);
    assertThat(admin.get("/api/admin/backups/..%2F..%2Fetc").status()).isIn(400, 404);
  }

  private String backup() {
    Api.Response made = admin.send("POST", "/api/admin/backups", new byte[0]);
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    return made.json().get("id").asString();
  }

  private JsonNode manifest(String id) {
    return admin.get("/api/admin/backups/" + id).json();
  }

  private List<String> verify(String id) {
    List<String> problems = new ArrayList<>();
    admin
        .send("POST", "/api/admin/backups/" + id + "/verify", new byte[0])
        .json()
        .get("problems")
        .forEach(p -> problems.add(p.asString()));
    return problems;
  }

  private static List<String> hashes(JsonNode manifest) {
    List<String> hashes = new ArrayList<>();
    manifest.get("blobs").forEach(b -> hashes.add(b.get("sha256").asString()));
    return hashes;
  }

  private byte[] read(BlobId blob) throws IOException {
    try (InputStream in = vault.blobs().open(blob, 0, vault.blobs().size(blob).orElseThrow())) {
      return in.readAllBytes();
    }
  }

  /** The backup's blob store, able to store bytes that do not match their hash. */
  BlobStore tamperable() {
    return vault.blobs();
  }

  private void replace(BlobId blob, byte[] bytes) throws IOException {
    vault.blobs().delete(blob);
    Path file = Files.createTempFile("tampered-", ".bin");
    Files.write(file, bytes);
    tamperable().put(blob, file);
    Files.deleteIfExists(file);
  }
}
