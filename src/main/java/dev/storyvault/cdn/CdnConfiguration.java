package dev.storyvault.cdn;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CdnConfiguration {

  @Bean
  CachePurger cachePurger(CdnProperties properties) {
    return switch (properties.purgeOrNone()) {
      case "none" -> purge -> {};
      case "http" ->
          new HttpPurger(
              properties.http() == null || properties.http().urls() == null
                  ? List.of()
                  : properties.http().urls(),
              properties.http() == null ? null : properties.http().method());
      case "cloudflare" -> new CloudflarePurger(properties.cloudflare());
      case "cloudfront" -> new CloudFrontPurger(properties.cloudfront());
      default ->
          throw new IllegalStateException(
              "storyvault.cdn.purge must be none, http, cloudflare or cloudfront");
    };
  }
}
