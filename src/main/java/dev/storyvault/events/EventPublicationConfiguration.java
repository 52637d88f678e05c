package dev.storyvault.events;

import dev.storyvault.database.WriteTransactions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Where Spring Modulith keeps event publications (durable events): its own JDBC repository on
 * PostgreSQL, ours on SQLite. why its auto-configuration is excluded (application.yml) and imported
 * here instead: it fails to start on a database it does not know, and the choice must follow the
 * configured database URL.
 */
class EventPublicationConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:sqlite:')")
  static class OnSqlite {
    @Bean
    EventPublicationRepository sqliteEventPublications(
        JdbcClient jdbc, EventSerializer serializer, WriteTransactions writes) {
      return new SqliteEventPublications(jdbc, serializer, writes);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:postgresql:')")
  @Import(ModulithJdbc.class)
  static class OnPostgresql {}

  /**
   * why a selector: Modulith's JDBC configuration class is not public, so it is named, not
   * referenced.
   */
  static class ModulithJdbc implements ImportSelector {
    static final String CONFIGURATION =
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration";

    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
      return new String[] {CONFIGURATION};
    }
  }
}
