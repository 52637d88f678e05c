package dev.storyvault.coordination;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.support.ScaleOutServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ScaleOutServices.class)
class PostgresCoordinationTest extends CoordinationContract {

  private static HikariDataSource database;

  @BeforeAll
  static void database() {
    String schema = "coordination_" + System.nanoTime();
    database = new HikariDataSource();
    database.setJdbcUrl(
        "jdbc:postgresql://"
            + ScaleOutServices.PG_HOST
            + ":"
            + ScaleOutServices.PG_PORT
            + "/test?currentSchema="
            + schema);
    database.setUsername("postgres");
    database.setMaximumPoolSize(6);
    Flyway.configure()
        .dataSource(database)
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load()
        .migrate();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  @SuppressWarnings("unchecked")
  PostgresCoordination newMember() {
    return new PostgresCoordination(database, "sv_test");
  }
}
