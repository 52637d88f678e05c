package dev.storyvault.cdn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Varnish-style purging: one {@code BAN} per cache with the keys in a {@code Surrogate-Key} header
 * (the VCL in {@code deploy/varnish} bans every object tagged with any of them), then a {@code
 * PURGE} of each exact path for caches that only purge by URL.
 */
class HttpPurger implements CachePurger {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final List<String> caches;
  private final String method;

  HttpPurger(List<String> caches, String method) {
    this.caches = caches;
    this.method = method == null || method.isBlank() ? "BAN" : method;
  }

  @Override
  public void purge(Purge purge) throws IOException, InterruptedException {
    for (String cache : caches) {
      String base = cache.endsWith("/") ? cache.substring(0, cache.length() - 1) : cache;
      send(
          HttpRequest.newBuilder(URI.create(base + "/"))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("Surrogate-Key", String.join(" ", purge.keys())));
      for (String path : purge.paths()) {
        if (!path.contains("*"))
          send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .method("PURGE", HttpRequest.BodyPublishers.noBody()));
      }
    }
  }

  private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        client.send(
            request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 300 && response.statusCode() != 404) {
      throw new IOException(
          "Cache answered "
              + response.statusCode()
              + " to "
              + response.request().method()
              + " "
              + response.request().uri());
    }
  }
}
