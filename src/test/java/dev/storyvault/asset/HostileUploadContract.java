package dev.storyvault.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Hostile and malformed uploads: each gets the right 4xx as problem+json, stores nothing, leaves no
 * temporary file, and the server stays healthy.
 */
abstract class HostileUploadContract extends ApiTestBase {

  @Autowired BlobStore blobs;

  @Value("${storyvault.uploads.temp-dir}")
  Path uploadTemp;

  @AfterEach
  void nothingWasKeptAndTheServerIsHealthy() throws IOException {
    assertThat(alice.get("/api/assets").json().get("items")).isEmpty();
    try (Stream<Path> leftovers = Files.list(uploadTemp)) {
      assertThat(leftovers.filter(p -> p.getFileName().toString().startsWith("upload-"))).isEmpty();
    }
    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  @Test
  void aPixelBombIsRefusedFromItsHeader() throws IOException {
    byte[] bomb = Media.aPngHeaderClaiming(30_000, 30_000);
    assertThat(bomb.length).isLessThan(200);
    refused(alice.upload("/api/assets", "bomb.png", bomb, Map.of()), 422, "too-many-pixels");
    assertThat(blobs.size(BlobId.of(Media.sha256(bomb)))).isEmpty();
  }

  @Test
  void htmlNamedPngIsRefused() {
    byte[] html =
        "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    refused(
        alice.send(
            "POST", "/api/assets", html, "Content-Type", "image/png", "X-Filename", "cat.png"),
        415,
        "unsupported-media-type");
  }

  @Test
  void svgWithAScriptIsRefused() {
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    refused(
        alice.upload("/api/assets", "logo.svg", svg, Map.of("kind", "image")),
        415,
        "unsupported-media-type");
  }

  @Test
  void aHundredThousandLevelsOfJsonAreRefused() {
    refused(
        alice.upload("/api/assets", "deep.json", Media.deepJson(100_000), Map.of()),
        422,
        "json-too-deep");
  }

  @Test
  void malformedJsonIsRefused() {
    refused(
        alice.upload("/api/assets", "bad.json", Media.json("{\"bones\": [1, 2,"), Map.of()),
        422,
        "invalid-json");
    refused(
        alice.upload("/api/assets", "two.json", Media.json("{} {}"), Map.of()),
        422,
        "invalid-json");
  }

  @Test
  void contentThatIsNotTheDeclaredKindIsRefused() {
    refused(
        alice.upload("/api/assets", "x.mp3", Media.aPng(4, 4), Map.of("kind", "audio")),
        415,
        "unsupported-media-type");
    refused(
        alice.upload("/api/assets", "x", Media.aPng(4, 4), Map.of("kind", "poster")),
        400,
        "invalid-kind");
  }

  @Test
  void unknownAndEmptyAndTruncatedContentIsRefused() {
    byte[] random = new byte[2048];
    new java.util.Random(7).nextBytes(random);
    random[0] = 0x01;
    refused(
        alice.upload("/api/assets", "blob.bin", random, Map.of()), 415, "unsupported-media-type");
    refused(
        alice.send("POST", "/api/assets", new byte[0], "Content-Type", "image/png"),
        422,
        "empty-upload");
    refused(
        alice.upload("/api/assets", "cut.png", Arrays.copyOf(Media.aPng(50, 50), 14), Map.of()),
        422,
        "unreadable-image");
  }

  @Test
  void oversizedUploadsAreRefusedWhileStreaming() {
    byte[] big = Media.json("[" + "1,".repeat(700_000) + "1]");
    refused(
        alice.upload("/api/assets", "big.json", big, Map.of("kind", "data")),
        413,
        "content-too-large");
    refused(
        alice.send("POST", "/api/assets?kind=data", big, "Content-Type", "application/json"),
        413,
        "content-too-large");
  }

  @Test
  void hostileMetadataIsRefused() {
    refused(
        alice.upload(
            "/api/assets",
            "a.png",
            Media.aPng(2, 2),
            Map.of("metadata", "[".repeat(50) + "]".repeat(50))),
        400,
        "invalid-metadata");
    refused(
        alice.upload("/api/assets", "a.png", Media.aPng(2, 2), Map.of("metadata", "{\"a\":")),
        400,
        "invalid-metadata");
    refused(
        alice.upload("/api/assets", "a.png", Media.aPng(2, 2), Map.of("story_id", "../../x")),
        400,
        "invalid-story-id");
  }

  private static void refused(Api.Response response, int status, String type) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).isEqualTo("urn:storyvault:problem:" + type);
    assertThat(response.json().get("detail").asString()).isNotBlank();
    assertThat(response.text()).doesNotContain("Exception", "at dev.storyvault");
  }
}
