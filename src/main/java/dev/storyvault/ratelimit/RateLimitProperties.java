package dev.storyvault.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.rate-limits.*}: token buckets per route group, counted per API key, per person,
 * or per client address for anonymous callers. {@code backend}: auto (local on SQLite; on
 * PostgreSQL, Redis when {@code redisUrl} is set, else PostgreSQL), local, redis or postgresql (the
 * last two shared by all instances). {@code namespace} prefixes shared bucket keys (one deployment,
 * one namespace).
 */
@ConfigurationProperties("storyvault.rate-limits")
public record RateLimitProperties(
    Boolean enabled, String backend, String redisUrl, String namespace, Map<String, Limit> groups) {

  public record Limit(Long capacity, Duration period) {}

  public RateLimitProperties {
    if (enabled == null) enabled = true;
    if (backend == null || backend.isBlank()) backend = "auto";
    if (namespace == null) namespace = "sv";
    if (groups == null || groups.isEmpty()) {
      groups =
          Map.of(
              "read",
              new Limit(1200L, Duration.ofMinutes(1)),
              "write",
              new Limit(300L, Duration.ofMinutes(1)),
              "auth",
              new Limit(30L, Duration.ofMinutes(1)));
    }
  }
}
