package dev.storyvault.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL schema with StoryVault's migrations, for tests of one repository or seam
 * without Spring.
 */
public final class PostgresSchemas {

  private PostgresSchemas() {}

  public static HikariDataSource migrated(String prefix, int connections) {
    String schema = prefix + "_" + System.nanoTime();
    HikariDataSource database = new HikariDataSource();
    database.setJdbcUrl(
        "jdbc:postgresql://"
            + ScaleOutServices.PG_HOST
            + ":"
            + ScaleOutServices.PG_PORT
            + "/test?currentSchema="
            + schema);
    database.setUsername("postgres");
    database.setMaximumPoolSize(connections);
    Flyway.configure()
        .dataSource(database)
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load()
        .migrate();
    return database;
  }
}
