package dev.storyvault.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP delivery of asset bytes: validators, conditional requests, ranges, HEAD and cache policy.
 */
abstract class AssetDeliveryContract extends ApiTestBase {

  byte[] bytes;
  String privateAsset;
  String publicAsset;
  String hash;

  @BeforeEach
  void twoAssets() {
    bytes = Media.aUniquePng();
    hash = Media.sha256(bytes);
    privateAsset =
        AssetUploadContract.id(alice.upload("/api/assets", "page \"1\".png", bytes, Map.of()));
    publicAsset =
        AssetUploadContract.id(
            alice.upload("/api/assets", "cover.png", bytes, Map.of("public", "true")));
  }

  @Test
  void servesBytesWithValidatorsAndSafeHeaders() {
    Api.Response content = alice.get("/api/assets/" + privateAsset + "/content");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(bytes);
    assertThat(content.contentType()).isEqualTo("image/png");
    assertThat(content.header("ETag")).isEqualTo("\"" + hash + "\"");
    assertThat(content.header("Last-Modified")).endsWith("GMT");
    assertThat(content.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(content.header("Content-Disposition"))
        .isEqualTo("inline; filename=\"page _1_.png\"; filename*=UTF-8''page%20_1_.png");
    assertThat(content.header("Cache-Control")).startsWith("private");
    assertThat(content.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
  }

  @Test
  void publicContentHasAnImmutableContentAddressedUrl() {
    String url = alice.get("/api/assets/" + publicAsset).json().get("public_url").asString();
    assertThat(url).isEqualTo("/api/blobs/" + hash);
    Api.Response content = anonymous.get(url);
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(bytes);
    assertThat(content.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(anonymous.get("/api/assets/" + publicAsset + "/content").header("Cache-Control"))
        .startsWith("public, max-age=60");
  }

  @Test
  void privateContentIsNotServedByItsHash() {
    byte[] secret = Media.aUniquePng();
    AssetUploadContract.id(alice.upload("/api/assets", "s.png", secret, Map.of()));
    assertThat(anonymous.get("/api/blobs/" + Media.sha256(secret)).status()).isEqualTo(404);
    assertThat(anonymous.get("/api/blobs/../../etc/passwd").status()).isIn(400, 404);
    assertThat(anonymous.get("/api/blobs/" + "z".repeat(64)).status()).isEqualTo(404);
  }

  @Test
  void answersConditionalRequestsWithNotModified() {
    String path = "/api/assets/" + privateAsset + "/content";
    Api.Response first = alice.get(path);
    Api.Response byEtag = alice.get(path, "If-None-Match", first.header("ETag"));
    assertThat(byEtag.status()).isEqualTo(304);
    assertThat(byEtag.body()).isEmpty();
    assertThat(byEtag.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(
            alice.get(path, "If-None-Match", "W/" + first.header("ETag") + ", \"other\"").status())
        .isEqualTo(304);
    assertThat(alice.get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    assertThat(alice.get(path, "If-Modified-Since", first.header("Last-Modified")).status())
        .isEqualTo(304);
    String before =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1));
    assertThat(alice.get(path, "If-Modified-Since", before).status()).isEqualTo(200);
    assertThat(alice.get(path, "If-Modified-Since", "not a date").status()).isEqualTo(200);
  }

  @Test
  void servesASingleRange() {
    Api.Response part =
        alice.get("/api/assets/" + privateAsset + "/content", "Range", "bytes=10-19");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 10-19/" + bytes.length);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
    Api.Response suffix =
        alice.get("/api/assets/" + privateAsset + "/content", "Range", "bytes=-5");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
    Api.Response open =
        alice.get(
            "/api/assets/" + privateAsset + "/content",
            "Range",
            "bytes=" + (bytes.length - 3) + "-");
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 3, bytes.length));
  }

  @Test
  void servesSeveralRangesAsMultipartByteranges() {
    Api.Response parts =
        alice.get("/api/assets/" + privateAsset + "/content", "Range", "bytes=0-3, 20-29");
    assertThat(parts.status()).isEqualTo(206);
    assertThat(parts.contentType()).startsWith("multipart/byteranges; boundary=");
    String boundary = parts.contentType().substring(parts.contentType().indexOf("boundary=") + 9);
    String body = new String(parts.body(), StandardCharsets.ISO_8859_1);
    assertThat(body)
        .contains(
            "Content-Range: bytes 0-3/" + bytes.length,
            "Content-Range: bytes 20-29/" + bytes.length);
    assertThat(body)
        .contains(new String(Arrays.copyOfRange(bytes, 20, 30), StandardCharsets.ISO_8859_1));
    assertThat(body).endsWith("--" + boundary + "--\r\n");
    assertThat(Long.parseLong(parts.header("Content-Length"))).isEqualTo(parts.body().length);
  }

  @Test
  void refusesUnsatisfiableAndTooManyRanges() {
    Api.Response beyond =
        alice.get("/api/assets/" + privateAsset + "/content", "Range", "bytes=999999-");
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + bytes.length);
    assertThat(beyond.contentType()).startsWith("application/problem+json");
    StringBuilder many = new StringBuilder("bytes=");
    for (int i = 0; i < 1000; i++)
      many.append(i == 0 ? "" : ",").append(i % 50).append("-").append(i % 50);
    Api.Response tooMany =
        alice.get("/api/assets/" + privateAsset + "/content", "Range", many.toString());
    assertThat(tooMany.status()).isEqualTo(416);
    assertThat(tooMany.json().get("type").asString())
        .isEqualTo("urn:storyvault:problem:range-not-satisfiable");
    assertThat(alice.get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void ignoresARangeThatIsMalformedOrNoLongerCurrent() {
    String path = "/api/assets/" + privateAsset + "/content";
    assertThat(alice.get(path, "Range", "bytes=abc").status()).isEqualTo(200);
    assertThat(alice.get(path, "Range", "lines=1-2").status()).isEqualTo(200);
    Api.Response stale = alice.get(path, "Range", "bytes=0-9", "If-Range", "\"stale\"");
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(bytes);
    Api.Response current = alice.get(path, "Range", "bytes=0-9", "If-Range", "\"" + hash + "\"");
    assertThat(current.status()).isEqualTo(206);
  }

  @Test
  void servesLargeContentFromTheStoreByteForByte() {
    byte[] png = Media.aPng(32, 32);
    byte[] large = Arrays.copyOf(png, 700_000);
    for (int i = png.length; i < large.length; i++) large[i] = (byte) (i * 31);
    String id = AssetUploadContract.id(alice.upload("/api/assets", "large.png", large, Map.of()));
    String path = "/api/assets/" + id + "/content";
    assertThat(Media.sha256(alice.get(path).body())).isEqualTo(Media.sha256(large));
    Api.Response range = alice.get(path, "Range", "bytes=100000-165535");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(large, 100_000, 165_536));
    Api.Response tail = alice.get(path, "Range", "bytes=-10");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(large, large.length - 10, large.length));
    Api.Response parts = alice.get(path, "Range", "bytes=0-9,600000-600009");
    assertThat(new String(parts.body(), StandardCharsets.ISO_8859_1))
        .contains(
            new String(Arrays.copyOfRange(large, 600_000, 600_010), StandardCharsets.ISO_8859_1));
  }

  @Test
  void headSendsHeadersOnly() {
    Api.Response head = alice.head("/api/assets/" + privateAsset + "/content");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
    assertThat(head.header("ETag")).isEqualTo("\"" + hash + "\"");
    assertThat(anonymous.head("/api/blobs/" + hash).status()).isEqualTo(200);
  }

  @Test
  void withdrawnPublicContentStopsAnsweringByItsHashAtOnce() {
    byte[] png = Media.aPng(40, 30);
    String id =
        alice
            .upload("/api/assets", "withdrawn.png", png, Map.of("public", "true"))
            .json()
            .get("id")
            .asString();
    String url = "/api/blobs/" + Media.sha256(png);
    assertThat(anonymous.get(url).status()).isEqualTo(200);

    assertThat(alice.patchJson("/api/assets/" + id, Map.of("public", false)).status())
        .isEqualTo(200);
    assertThat(anonymous.get(url).status()).as("made private").isEqualTo(404);

    assertThat(alice.patchJson("/api/assets/" + id, Map.of("public", true)).status())
        .isEqualTo(200);
    assertThat(anonymous.get(url).status()).as("public again").isEqualTo(200);
    assertThat(alice.delete("/api/assets/" + id).status()).isEqualTo(204);
    assertThat(anonymous.get(url).status()).as("deleted").isEqualTo(404);
  }
}
