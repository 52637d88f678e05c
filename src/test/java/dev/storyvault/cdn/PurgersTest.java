package dev.storyvault.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each purger against a local HTTP endpoint that records what it was sent: the requests a Varnish,
 * Cloudflare's API and CloudFront's API would receive.
 */
class PurgersTest {

  record Received(
      String method, String path, String surrogateKey, String authorization, String body) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  HttpServer server;
  int status = 200;
  String responseBody = "{}";

  @BeforeEach
  void endpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Surrogate-Key"),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          byte[] body = responseBody.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", responseBody.startsWith("<") ? "text/xml" : "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void httpPurgerBansTheKeysAndPurgesExactPaths() throws Exception {
    new HttpPurger(List.of(base()), null).purge(Purge.story("sty_1"));
    assertThat(received).extracting(Received::method).containsExactlyInAnyOrder("BAN", "PURGE");
    assertThat(received.getFirst().surrogateKey()).isEqualTo("story-sty_1");
    assertThat(received).extracting(Received::path).contains("/api/stories/sty_1");
  }

  @Test
  void httpPurgerReportsACacheThatRefuses() {
    status = 405;
    assertThatThrownBy(() -> new HttpPurger(List.of(base()), null).purge(Purge.asset("ast_1")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("405");
  }

  @Test
  void cloudflarePurgerPurgesByCacheTagWithTheApiToken() throws Exception {
    new CloudflarePurger(new CdnProperties.Cloudflare(base() + "/client/v4", "zone42", "cf-token"))
        .purge(new Purge(Set.of("story-sty_9"), Set.of("/api/stories/sty_9")));
    Received call = received.getFirst();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/client/v4/zones/zone42/purge_cache");
    assertThat(call.authorization()).isEqualTo("Bearer cf-token");
    assertThat(call.body()).isEqualTo("{\"tags\":[\"story-sty_9\"]}");
  }

  @Test
  void cloudFrontPurgerInvalidatesThePaths() throws Exception {
    status = 201;
    responseBody =
        """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I1</Id><Status>InProgress</Status>
                <CreateTime>2026-11-24T00:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1</Quantity>
                <Items><Path>/api/assets/ast_7/*</Path></Items></Paths><CallerReference>x</CallerReference>
                </InvalidationBatch></Invalidation>""";
    new CloudFrontPurger(
            new CdnProperties.CloudFront("DIST1", "us-east-1", base(), "AKIDEXAMPLE", "secret"))
        .purge(Purge.asset("ast_7"));
    Received call = received.getFirst();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/2020-05-31/distribution/DIST1/invalidation");
    assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256");
    assertThat(call.body())
        .contains("<Path>/api/assets/ast_7/*</Path>")
        .contains("<Quantity>1</Quantity>");
  }
}
