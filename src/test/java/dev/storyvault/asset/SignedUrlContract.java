package dev.storyvault.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed, expiring URLs for private content: they open one path until they expire or their key
 * retires.
 */
abstract class SignedUrlContract extends ApiTestBase {

  byte[] bytes;
  String asset;

  @BeforeEach
  void aPrivateAsset() {
    bytes = Media.aUniquePng();
    asset = AssetUploadContract.id(alice.upload("/api/assets", "private.png", bytes, Map.of()));
  }

  @Test
  void aSignedUrlOpensPrivateContentToAnyone() {
    Api.Response signed =
        alice.postJson("/api/assets/" + asset + "/signed-url", Map.of("expires_in", 600));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    String url = signed.json().get("url").asString();
    Api.Response content = anonymous.get(url);
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(bytes);
    assertThat(content.header("Cache-Control")).matches("public, max-age=(5\\d\\d|600)");
    assertThat(anonymous.head(url).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/assets/" + asset + "/content").status()).isEqualTo(404);
    assertThat(bob.postJson("/api/assets/" + asset + "/signed-url", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aTamperedUrlIsRefused() {
    String url =
        alice
            .postJson("/api/assets/" + asset + "/signed-url", Map.of("expires_in", 600))
            .json()
            .get("url")
            .asString();
    String expires = url.replaceAll(".*expires=(\\d+).*", "$1");
    refused(
        anonymous.get(
            url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86_400))));
    refused(anonymous.get(url.substring(0, url.length() - 3) + "abc"));
    refused(anonymous.get(url.replace("/content?", "/versions/1/content?")));
    refused(anonymous.get(url.replaceAll("kid=[^&]+", "kid=knotakey")));
    assertThat(anonymous.get(url.replaceAll("&sig=[^&]+", "")).status()).isEqualTo(404);
  }

  @Test
  void anExpiredUrlIsRefused() {
    String url =
        alice
            .postJson("/api/assets/" + asset + "/signed-url", Map.of("expires_in", 1))
            .json()
            .get("url")
            .asString();
    clock.advance(java.time.Duration.ofMillis(2_100));
    refused(anonymous.get(url));
    assertThat(
            alice
                .postJson("/api/assets/" + asset + "/signed-url", Map.of("expires_in", 0))
                .status())
        .isEqualTo(400);
  }

  @Test
  void rotatingKeepsOldLinksAndRetiringEndsThem() {
    String old =
        alice
            .postJson("/api/assets/" + asset + "/signed-url", Map.of())
            .json()
            .get("url")
            .asString();
    String oldKid = old.replaceAll(".*kid=([^&]+).*", "$1");
    assertThat(admin.send("POST", "/api/signing-keys", new byte[0]).status()).isEqualTo(201);
    String fresh =
        alice
            .postJson("/api/assets/" + asset + "/signed-url", Map.of())
            .json()
            .get("url")
            .asString();
    assertThat(fresh).doesNotContain("kid=" + oldKid);
    assertThat(anonymous.get(old).status()).isEqualTo(200);
    assertThat(alice.delete("/api/signing-keys/" + oldKid).status()).isEqualTo(403);
    assertThat(admin.delete("/api/signing-keys/" + oldKid).status()).isEqualTo(204);
    refused(anonymous.get(old));
    assertThat(anonymous.get(fresh).status()).isEqualTo(200);
  }

  private static void refused(Api.Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(403);
    assertThat(response.json().get("type").asString())
        .isEqualTo("urn:storyvault:problem:invalid-signature");
  }
}
