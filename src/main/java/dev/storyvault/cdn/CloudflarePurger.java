package dev.storyvault.cdn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/** Cloudflare: purge by Cache-Tag through the zone's purge_cache API. */
class CloudflarePurger implements CachePurger {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CdnProperties.Cloudflare settings;

  CloudflarePurger(CdnProperties.Cloudflare settings) {
    if (settings == null || blank(settings.zoneId()) || blank(settings.apiToken())) {
      throw new IllegalStateException(
          "storyvault.cdn.cloudflare.zone-id and api-token are required");
    }
    this.settings = settings;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public void purge(Purge purge) throws IOException, InterruptedException {
    String api =
        settings.apiUrl() == null || settings.apiUrl().isBlank()
            ? "https://api.cloudflare.com/client/v4"
            : settings.apiUrl();
    String tags =
        purge.keys().stream()
            .map(k -> "\"" + k.replace("\"", "") + "\"")
            .collect(Collectors.joining(","));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + "/zones/" + settings.zoneId() + "/purge_cache"))
            .header("Authorization", "Bearer " + settings.apiToken())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("{\"tags\":[" + tags + "]}"))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "Cloudflare answered " + response.statusCode() + ": " + response.body());
    }
  }
}
