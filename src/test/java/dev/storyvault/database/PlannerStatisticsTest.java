package dev.storyvault.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ScaleOutServices;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The statistics refresh analyzes tables a bulk load changed (PostgreSQL). */
class PlannerStatisticsTest {

  @Test
  @ExtendWith(ScaleOutServices.class)
  void analyzesPostgresTablesABulkLoadChanged() {
    String schema = "sv_stats_" + UUID.randomUUID().toString().substring(0, 8);
    SingleConnectionDataSource pg =
        new SingleConnectionDataSource(
            "jdbc:postgresql://"
                + dev.storyvault.support.ScaleOutServices.PG_HOST
                + ":"
                + dev.storyvault.support.ScaleOutServices.PG_PORT
                + "/test",
            "postgres",
            "",
            true);
    JdbcClient jdbc = JdbcClient.create(pg);
    try {
      jdbc.sql("CREATE SCHEMA " + schema).update();
      jdbc.sql("SET search_path TO " + schema).update();
      jdbc.sql("CREATE TABLE loaded (id INT PRIMARY KEY)").update();
      jdbc.sql("INSERT INTO loaded SELECT generate_series(1, 5000)").update();
      // why wait: the statistics collector reports modifications shortly after the transaction
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  jdbc.sql(
                              "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE schemaname = ? AND relname = 'loaded'")
                          .param(schema)
                          .query(Long.class)
                          .optional()
                          .orElse(0L)
                      >= 5000);
      PlannerStatistics.refresh(jdbc, Dialect.POSTGRESQL);
      assertThat(
              jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'loaded'::regclass")
                  .query(Float.class)
                  .single())
          .isEqualTo(5000f);
    } finally {
      jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
      pg.destroy();
    }
  }
}
