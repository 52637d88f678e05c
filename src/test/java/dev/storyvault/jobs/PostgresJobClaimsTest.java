package dev.storyvault.jobs;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.database.Dialect;
import dev.storyvault.support.ScaleOutServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(ScaleOutServices.class)
class PostgresJobClaimsTest extends JobClaimsContract {

  private static HikariDataSource database;

  @BeforeAll
  static void database() {
    String schema = "claims_" + System.nanoTime();
    database = new HikariDataSource();
    database.setJdbcUrl(
        "jdbc:postgresql://"
            + ScaleOutServices.PG_HOST
            + ":"
            + ScaleOutServices.PG_PORT
            + "/test?currentSchema="
            + schema);
    database.setUsername("postgres");
    database.setMaximumPoolSize(2);
    Flyway.configure()
        .dataSource(database)
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load()
        .migrate();
  }

  @org.junit.jupiter.api.BeforeEach
  void empty() {
    JdbcClient.create(database).sql("DELETE FROM jobs").update();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  JdbcClient jdbc() {
    return JdbcClient.create(database);
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
