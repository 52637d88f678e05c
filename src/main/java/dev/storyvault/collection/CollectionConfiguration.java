package dev.storyvault.collection;

import dev.storyvault.database.Dialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CollectionConfiguration {

  @Bean
  FieldSql fieldSql(Dialect dialect, JdbcClient jdbc, CollectionJson json) {
    return dialect == Dialect.SQLITE ? new SqliteFieldSql(jdbc) : new PostgresFieldSql(json);
  }
}
