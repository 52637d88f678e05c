package dev.storyvault.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors are problem+json everywhere; health, metrics and the API document are served. */
abstract class PlatformContract extends ApiTestBase {

  @Test
  void unknownRoutesAreProblems() {
    problem(alice.get("/no/such/route"), 404);
    problem(alice.get("/api/assets/ast_00000000000000000000000000"), 404);
    problem(alice.get("/api/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd"), 400, 404);
  }

  @Test
  void wrongMethodsAndMediaTypesAreProblems() {
    problem(alice.delete("/api/assets"), 405);
    problem(
        admin.send("POST", "/api/keys", "name=x".getBytes(), "Content-Type", "text/plain"), 415);
    problem(
        admin.send(
            "POST", "/api/keys", "{\"name\":".getBytes(), "Content-Type", "application/json"),
        400);
    String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    problem(
        admin.send("POST", "/api/keys", deep.getBytes(), "Content-Type", "application/json"), 400);
  }

  @Test
  void malformedMultipartIsAProblem() {
    problem(
        alice.send(
            "POST",
            "/api/assets",
            "--x\r\nnot really".getBytes(StandardCharsets.US_ASCII),
            "Content-Type",
            "multipart/form-data; boundary=x"),
        400);
    problem(alice.upload("/api/assets", "a.png", new byte[0], Map.of()), 422);
  }

  @Test
  void credentialsThatDoNotAuthenticateAreRefused() {
    problem(alice.as("sv_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb").get("/api/assets"), 401);
    problem(alice.as("garbage").get("/api/assets"), 401);
    Api.Response basic = anonymous.get("/api/assets", "Authorization", "Basic dXNlcjpwYXNz");
    problem(basic, 401);
    assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer");
    problem(anonymous.get("/api/assets"), 401);
    problem(alice.get("/api/keys"), 403);
  }

  @Test
  void healthReportsLivenessAndReadiness() {
    assertThat(anonymous.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asString())
        .isEqualTo("UP");
    Api.Response readiness = anonymous.get("/actuator/health/readiness");
    assertThat(readiness.json().get("components").get("db").get("status").asString())
        .isEqualTo("UP");
    assertThat(readiness.json().get("components").get("blobStore").get("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void metricsAreForOperatorsOnly() {
    byte[] png = Media.aUniquePng();
    String id = alice.upload("/api/assets", "m.png", png, Map.of()).json().get("id").asString();
    alice.get("/api/assets/" + id + "/content");
    problem(anonymous.get("/actuator/prometheus"), 401);
    problem(alice.get("/actuator/prometheus"), 404);
    Api.Response metrics = admin.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text())
        .contains("storyvault_delivery_bytes_total", "http_server_requests_seconds");
  }

  @Test
  void servesTheOpenApiDocumentAndItsUi() {
    Api.Response document = anonymous.get("/api/docs/openapi.json");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().get("paths").has("/api/assets")).isTrue();
    assertThat(document.json().get("paths").has("/api/assets/{id}/content")).isTrue();
    Api.Response redirect = anonymous.get("/api/docs");
    assertThat(redirect.status()).isEqualTo(302);
    Api.Response ui = anonymous.get(redirect.header("Location"));
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).contains("swagger-ui");
  }

  private static void problem(Api.Response response, int... statuses) {
    assertThat(response.status())
        .as(response.text())
        .isIn(java.util.Arrays.stream(statuses).boxed().toArray());
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).startsWith("urn:storyvault:problem:");
    assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
    assertThat(response.text()).doesNotContain("Exception", "at org.", "at dev.");
  }
}
