package dev.storyvault.asset;

import static dev.storyvault.image.TestImages.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.image.TestImages;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Image variants and signed transforms over HTTP: made after upload and on demand, delivered like
 * content.
 */
abstract class VariantContract extends ApiTestBase {

  static final byte[] PHOTO = TestImages.aPhoto(1200, 800, 11);

  @Autowired JdbcClient jdbc;

  String photo;

  @BeforeEach
  void aPhoto() {
    photo = AssetUploadContract.id(alice.upload("/api/assets", "sunset.jpg", PHOTO, Map.of()));
  }

  @Test
  void imageAssetsListTheirVariantsPinnedToTheVersion() {
    JsonNode variants = alice.get("/api/assets/" + photo).json().get("variants");
    assertThat(variants.get("thumbnail").asString())
        .isEqualTo("/api/assets/" + photo + "/variants/thumbnail?v=1");
    assertThat(variants.has("webp")).isTrue();
    assertThat(variants.has("print")).isTrue();
  }

  @Test
  void makesTheStandardVariantsInTheBackgroundAfterUpload() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                storedVariants(photo).size()
                    == alice.get("/api/assets/" + photo).json().get("variants").size());
    assertThat(storedVariants(photo)).contains("thumbnail", "webp", "print");
  }

  @Test
  void servesA256PixelWebpThumbnailWithTheDeliveryRulesOfContent() {
    String path = "/api/assets/" + photo + "/variants/thumbnail?v=1";
    Api.Response thumb = alice.get(path);
    assertThat(thumb.status()).as(thumb.text()).isEqualTo(200);
    assertThat(thumb.contentType()).isEqualTo("image/webp");
    BufferedImage image = decode(thumb.body());
    assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(256, 171);
    assertThat(thumb.body().length).isLessThan(PHOTO.length / 5);
    assertThat(thumb.header("ETag")).isEqualTo("\"" + Media.sha256(thumb.body()) + "\"");
    assertThat(thumb.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
    assertThat(thumb.header("Surrogate-Key")).isEqualTo("asset-" + photo);
    assertThat(alice.get(path, "If-None-Match", thumb.header("ETag")).status()).isEqualTo(304);
    Api.Response range = alice.get(path, "Range", "bytes=0-99");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOf(thumb.body(), 100));
    assertThat(alice.head(path).header("Content-Length"))
        .isEqualTo(String.valueOf(thumb.body().length));
  }

  @Test
  void printIsAFullResolutionJpegAndWebpTheFullImage() {
    Api.Response print = alice.get("/api/assets/" + photo + "/variants/print");
    assertThat(print.contentType()).isEqualTo("image/jpeg");
    assertThat(decode(print.body()).getWidth()).isEqualTo(1200);
    assertThat(print.header("Cache-Control")).startsWith("private, max-age=0");
    Api.Response webp = alice.get("/api/assets/" + photo + "/variants/webp?v=1");
    assertThat(decode(webp.body()).getHeight()).isEqualTo(800);
  }

  @Test
  void publicImagesGetCdnCacheableVariants() {
    String shared =
        AssetUploadContract.id(
            alice.upload("/api/assets", "p.jpg", PHOTO, Map.of("public", "true")));
    Api.Response pinned = anonymous.get("/api/assets/" + shared + "/variants/thumbnail?v=1");
    assertThat(pinned.status()).isEqualTo(200);
    assertThat(pinned.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(
            anonymous.get("/api/assets/" + shared + "/variants/thumbnail").header("Cache-Control"))
        .startsWith("public, max-age=60, stale-while-revalidate");
  }

  @Test
  void turnsRotatedPhotosUprightAndStripsTheirGpsData() {
    String sideways =
        AssetUploadContract.id(
            alice.upload("/api/assets", "s.jpg", TestImages.aSidewaysJpeg(6), Map.of()));
    for (String variant : List.of("thumbnail", "webp", "print")) {
      Api.Response out = alice.get("/api/assets/" + sideways + "/variants/" + variant);
      BufferedImage image = decode(out.body());
      assertThat(image.getHeight()).as(variant).isGreaterThan(image.getWidth());
      assertThat(new String(out.body(), StandardCharsets.ISO_8859_1))
          .as(variant)
          .doesNotContain("SECRET");
    }
  }

  @Test
  void whatTheCallerMayNotSeeOrWhatIsNoImageHasNoVariants() {
    assertProblem(bob.get("/api/assets/" + photo + "/variants/thumbnail"), 404);
    assertProblem(anonymous.get("/api/assets/" + photo + "/variants/thumbnail"), 404);
    assertProblem(alice.get("/api/assets/" + photo + "/variants/poster"), 404);
    assertProblem(alice.get("/api/assets/" + photo + "/variants/thumbnail?v=9"), 404);
    String sound =
        AssetUploadContract.id(alice.upload("/api/assets", "a.wav", Media.aWav(0.2), Map.of()));
    assertProblem(alice.get("/api/assets/" + sound + "/variants/thumbnail"), 404);
    assertThat(alice.get("/api/assets/" + sound).json().get("variants").size()).isZero();
  }

  @Test
  void rendersNamedPresetsButNoUnsignedSizes() {
    Api.Response card = alice.get("/api/assets/" + photo + "/transform?preset=card");
    assertThat(card.status()).isEqualTo(200);
    assertThat(List.of(decode(card.body()).getWidth(), decode(card.body()).getHeight()))
        .containsExactly(512, 512);
    Api.Response unsigned = alice.get("/api/assets/" + photo + "/transform?w=333&h=111&v=1");
    assertProblem(unsigned, 403);
    assertThat(unsigned.json().get("type").asString()).endsWith("unsigned-transform");
    assertProblem(alice.get("/api/assets/" + photo + "/transform?preset=huge"), 404);
  }

  @Test
  void signedTransformsRenderExactlyTheSignedParametersOnce() {
    Api.Response signed =
        alice.postJson(
            "/api/assets/" + photo + "/transforms",
            Map.of("width", 300, "height", 100, "fit", "fill", "format", "jpeg", "quality", 70));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    String url = signed.json().get("url").asString();
    Api.Response first = alice.get(url);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo("image/jpeg");
    assertThat(List.of(decode(first.body()).getWidth(), decode(first.body()).getHeight()))
        .containsExactly(300, 100);
    assertThat(alice.get(url).header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(storedVariants(photo).stream().filter(n -> n.startsWith("t:")).count()).isEqualTo(1);
    assertProblem(alice.get(url.replace("w=300", "w=301")), 403);
    String other =
        AssetUploadContract.id(
            alice.upload("/api/assets", "o.jpg", TestImages.aPhoto(400, 300, 3), Map.of()));
    assertProblem(alice.get(url.replace(photo, other)), 403);
    assertProblem(bob.get(url), 404);
  }

  @Test
  void refusesTransformParametersOutOfBounds() {
    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("width", 99999),
            Map.<String, Object>of("width", "wide"),
            Map.<String, Object>of("width", 10, "fit", "stretch"),
            Map.<String, Object>of("width", 10, "format", "bmp"),
            Map.<String, Object>of("width", 10, "quality", 0),
            Map.<String, Object>of())) {
      assertProblem(alice.postJson("/api/assets/" + photo + "/transforms", bad), 400);
    }
  }

  @Test
  void aDamagedImageGetsAClearErrorAndNoCachedResult() {
    byte[] png = Media.aPng(400, 300);
    // why accepted at upload: the header is intact; only decoding the pixels finds the damage
    String cut =
        AssetUploadContract.id(
            alice.upload("/api/assets", "cut.png", Arrays.copyOf(png, png.length - 30), Map.of()));
    Api.Response thumb = alice.get("/api/assets/" + cut + "/variants/thumbnail");
    assertProblem(thumb, 422);
    assertThat(storedVariants(cut)).isEmpty();
    assertThat(alice.get("/api/assets/" + photo + "/variants/thumbnail").status()).isEqualTo(200);
  }

  @Test
  void replacingContentKeepsTheOldVersionsVariants() {
    byte[] old = alice.get("/api/assets/" + photo + "/variants/thumbnail?v=1").body();
    Api.Response replaced =
        alice.multipart(
            "PUT",
            "/api/assets/" + photo + "/content",
            "new.jpg",
            TestImages.aPhoto(800, 800, 5),
            Map.of());
    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
    assertThat(replaced.json().get("variants").get("thumbnail").asString()).endsWith("?v=2");
    Api.Response fresh = alice.get("/api/assets/" + photo + "/variants/thumbnail?v=2");
    assertThat(fresh.status()).as(fresh.text()).isEqualTo(200);
    assertThat(decode(fresh.body()).getHeight()).isEqualTo(256);
    assertThat(alice.get("/api/assets/" + photo + "/variants/thumbnail?v=1").body()).isEqualTo(old);
  }

  @Test
  void deletingAnAssetReleasesItsVariantBlobs() {
    String unique =
        AssetUploadContract.id(
            alice.upload(
                "/api/assets", "u.jpg", TestImages.aPhoto(300, 200, System.nanoTime()), Map.of()));
    Api.Response thumb = alice.get("/api/assets/" + unique + "/variants/thumbnail");
    String hash = Media.sha256(thumb.body());
    assertThat(alice.delete("/api/assets/" + unique).status()).isEqualTo(204);
    assertThat(storedVariants(unique)).isEmpty();
    purgeFromTrash(alice, unique);
    Long refs =
        jdbc.sql("SELECT ref_count FROM blobs WHERE hash = ?")
            .param(hash)
            .query(Long.class)
            .single();
    assertThat(refs).isZero();
  }

  List<String> storedVariants(String assetId) {
    return jdbc.sql("SELECT name FROM asset_variants WHERE asset_id = ?")
        .param(assetId)
        .query(String.class)
        .list();
  }

  static void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }
}
