package dev.storyvault.jobs;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.database.Dialect;
import dev.storyvault.support.PostgresSchemas;
import dev.storyvault.support.ScaleOutServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(ScaleOutServices.class)
class PostgresJobClaimsTest extends JobClaimsContract {

  private static HikariDataSource database;

  @BeforeAll
  static void database() {
    database = PostgresSchemas.migrated("claims", 9);
  }

  @org.junit.jupiter.api.BeforeEach
  void empty() {
    JdbcClient.create(database).sql("DELETE FROM jobs").update();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @org.junit.jupiter.api.Test
  void concurrentAppendsToOneJobsEventsGetDistinctNumbers() throws Exception {
    Jobs jobs = new Jobs(jdbc(), dialect());
    JobEvents events = new JobEvents(jdbc(), dialect());
    jobs.insert(
        new Job(
            "job_race",
            "ann",
            "USER",
            "noop",
            JobStatus.QUEUED,
            null,
            0,
            0,
            3,
            null,
            "h",
            new java.util.LinkedHashMap<>(),
            new java.util.LinkedHashMap<>(),
            null,
            null,
            false,
            null,
            null),
        1);
    var transactions =
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.support.JdbcTransactionManager(database));
    var started = new java.util.concurrent.CountDownLatch(1);
    var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  started.await();
                  for (int i = 0; i < 20; i++) {
                    transactions.executeWithoutResult(
                        s -> events.append("job_race", "tick", java.util.Map.of(), 2));
                  }
                  return null;
                }));
      }
      started.countDown();
      for (var f : done) f.get();
    }
    org.assertj.core.api.Assertions.assertThat(events.after("job_race", 0, 1000))
        .hasSize(160)
        .extracting(JobEvents.Event::seq)
        .doesNotHaveDuplicates();
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
