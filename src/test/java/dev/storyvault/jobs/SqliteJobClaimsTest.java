package dev.storyvault.jobs;

import dev.storyvault.database.Dialect;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class SqliteJobClaimsTest extends JobClaimsContract {

  private JdbcClient jdbc;

  @BeforeEach
  void database() throws Exception {
    String url = "jdbc:sqlite:" + Files.createTempDirectory("claims").resolve("jobs.db");
    SingleConnectionDataSource db = new SingleConnectionDataSource(url, true);
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
        .load()
        .migrate();
    jdbc = JdbcClient.create(db);
  }

  @Override
  JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
