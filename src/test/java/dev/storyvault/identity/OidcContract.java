package dev.storyvault.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/** JWTs from an external OpenID Connect issuer (a real JWKS endpoint served over HTTP here). */
abstract class OidcContract extends ApiTestBase {

  static final String ISSUER = "https://id.example.test";
  static final RSAKey SIGNING_KEY = generate("issuer-key");
  static final RSAKey STRANGER_KEY = generate("issuer-key");
  static final HttpServer JWKS = serve();

  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("storyvault.auth.oidc.issuer", () -> ISSUER);
    registry.add(
        "storyvault.auth.oidc.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    registry.add("storyvault.auth.oidc.audience", () -> "storyvault");
  }

  @Test
  void aValidTokenFromTheIssuerIsAUser() throws Exception {
    String subject = UUID.randomUUID().toString();
    Api person = anonymous.as(token(SIGNING_KEY, subject, "storyvault", ISSUER, 300));
    Api.Response me = person.get("/api/users/me");
    assertThat(me.status()).as(me.text()).isEqualTo(200);
    assertThat(me.json().get("username").asString()).isEqualTo("maya");
    assertThat(me.json().get("role").asString()).isEqualTo("user");
    assertThat(person.get("/api/users/me").json().get("id")).isEqualTo(me.json().get("id"));
    assertThat(person.postJson("/api/stories", java.util.Map.of("title", "Mine")).status())
        .isEqualTo(201);
  }

  @Test
  void forgedExpiredOrMisaddressedTokensAreRefused() throws Exception {
    String subject = UUID.randomUUID().toString();
    assertThat(
            anonymous
                .as(token(STRANGER_KEY, subject, "storyvault", ISSUER, 300))
                .get("/api/users/me")
                .status())
        .isEqualTo(401);
    assertThat(
            anonymous
                .as(token(SIGNING_KEY, subject, "storyvault", ISSUER, -600))
                .get("/api/users/me")
                .status())
        .isEqualTo(401);
    assertThat(
            anonymous
                .as(token(SIGNING_KEY, subject, "another-app", ISSUER, 300))
                .get("/api/users/me")
                .status())
        .isEqualTo(401);
    assertThat(
            anonymous
                .as(token(SIGNING_KEY, subject, "storyvault", "https://evil.test", 300))
                .get("/api/users/me")
                .status())
        .isEqualTo(401);
    String valid = token(SIGNING_KEY, subject, "storyvault", ISSUER, 300);
    assertThat(
            anonymous
                .as(valid.substring(0, valid.length() - 4) + "AAAA")
                .get("/api/users/me")
                .status())
        .isEqualTo(401);
  }

  static String token(
      RSAKey key, String subject, String audience, String issuer, int lifetimeSeconds)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .audience(audience)
            .claim("preferred_username", "maya")
            .issueTime(new Date())
            .expirationTime(new Date(System.currentTimeMillis() + lifetimeSeconds * 1000L))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer serve() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body =
          new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/jwks",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
