package dev.storyvault.ratelimit;

import dev.storyvault.database.Dialect;
import dev.storyvault.platform.ClientAddresses;
import dev.storyvault.platform.ProblemWriter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean(destroyMethod = "")
  Buckets buckets(RateLimitProperties properties, DataSource dataSource, Dialect dialect) {
    return switch (backend(properties, dialect)) {
      case "local" -> new LocalBuckets();
      case "redis" ->
          new SharedBuckets(
              Bucket4jLettuce.casBasedBuilder(redis(properties))
                  .expirationAfterWrite(
                      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                          Duration.ofMinutes(1)))
                  .build());
      case "postgresql" ->
          new SharedBuckets(
              Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                  .primaryKeyMapper(PrimaryKeyMapper.STRING)
                  .table("rate_limit_buckets")
                  .build());
      default ->
          throw new IllegalStateException(
              "storyvault.rate-limits.backend is local, redis or postgresql");
    };
  }

  static String backend(RateLimitProperties properties, Dialect dialect) {
    if (!properties.backend().equals("auto")) return properties.backend();
    if (dialect == Dialect.SQLITE) return "local";
    return properties.redisUrl() == null || properties.redisUrl().isBlank()
        ? "postgresql"
        : "redis";
  }

  private static StatefulRedisConnection<String, byte[]> redis(RateLimitProperties properties) {
    String url =
        properties.redisUrl() == null || properties.redisUrl().isBlank()
            ? "redis://127.0.0.1:6379"
            : properties.redisUrl();
    return RedisClient.create(url)
        .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
  }

  /** After authentication (which names the caller), before everything else. */
  @Bean
  FilterRegistrationBean<RateLimiting> rateLimiting(
      Buckets buckets,
      RateLimitProperties properties,
      ClientAddresses addresses,
      ProblemWriter problems,
      org.springframework.context.ApplicationEventPublisher events) {
    FilterRegistrationBean<RateLimiting> registration =
        new FilterRegistrationBean<>(
            new RateLimiting(buckets, properties, addresses, problems, events));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
