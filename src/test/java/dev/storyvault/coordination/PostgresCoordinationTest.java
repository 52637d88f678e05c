package dev.storyvault.coordination;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.support.PostgresSchemas;
import dev.storyvault.support.ScaleOutServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ScaleOutServices.class)
class PostgresCoordinationTest extends CoordinationContract {

  private static HikariDataSource database;

  @BeforeAll
  static void database() {
    database = PostgresSchemas.migrated("coordination", 6);
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
