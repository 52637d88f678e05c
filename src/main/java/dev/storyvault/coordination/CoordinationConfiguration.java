package dev.storyvault.coordination;

import dev.storyvault.database.Dialect;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoordinationConfiguration {

  @Bean
  Coordination coordination(
      CoordinationProperties properties, Dialect dialect, DataSource dataSource) {
    return switch (backend(properties, dialect)) {
      case "local" -> new Coordination(new LocalCoordination());
      case "redis" ->
          new Coordination(new RedisCoordination(properties.redisUrl(), properties.namespace()));
      case "postgresql" ->
          new Coordination(new PostgresCoordination(dataSource, properties.namespace()));
      default ->
          throw new IllegalStateException(
              "storyvault.coordination.backend is auto, local, redis or postgresql");
    };
  }

  @Bean
  Invalidations invalidations(Coordination coordination) {
    return coordination.invalidations();
  }

  @Bean
  ClusterLoops clusterLoops(Coordination coordination) {
    return coordination.loops();
  }

  @Bean
  ClusterSlots clusterSlots(Coordination coordination) {
    return coordination.slots();
  }

  static String backend(CoordinationProperties properties, Dialect dialect) {
    if (!properties.backend().equals("auto")) return properties.backend();
    if (dialect == Dialect.SQLITE) return "local";
    return properties.redisUrl().isBlank() ? "postgresql" : "redis";
  }
}
