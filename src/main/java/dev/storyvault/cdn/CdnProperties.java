package dev.storyvault.cdn;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.cdn.*}: {@code purge} is {@code none}, {@code http} (Varnish and the like: BAN
 * by surrogate key to each of {@code http.urls}), {@code cloudflare} (purge by Cache-Tag) or {@code
 * cloudfront} (invalidate paths).
 */
@ConfigurationProperties("storyvault.cdn")
public record CdnProperties(String purge, Http http, Cloudflare cloudflare, CloudFront cloudfront) {

  public record Http(List<String> urls, String method) {}

  public record Cloudflare(String apiUrl, String zoneId, String apiToken) {}

  public record CloudFront(
      String distributionId, String region, String endpoint, String accessKey, String secretKey) {}

  String purgeOrNone() {
    return purge == null || purge.isBlank() ? "none" : purge;
  }
}
