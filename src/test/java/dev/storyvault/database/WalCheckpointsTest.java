package dev.storyvault.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQLite's log is copied back in the background: it stays small while writes go on, and is emptied
 * at shutdown.
 */
class WalCheckpointsTest {

  @Test
  void keepsTheWriteAheadLogSmallWhileWritesGoOnAndEmptiesItAtShutdown() throws Exception {
    HikariDataSource dataSource = SqliteWriteTransactionsTest.sqlite("sv-wal-");
    Path wal =
        Path.of(
            dataSource
                    .getJdbcUrl()
                    .substring("jdbc:sqlite:".length(), dataSource.getJdbcUrl().indexOf('?'))
                + "-wal");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE pages (id INTEGER PRIMARY KEY, body TEXT)").update();
    WalCheckpoints checkpoints = new WalCheckpoints(dataSource, new ReentrantLock());
    String body = "x".repeat(16_000);
    for (int round = 0; round < 8; round++) { // 32 MB through the log, one commit per row
      for (int i = 0; i < 250; i++)
        jdbc.sql("INSERT INTO pages (body) VALUES (?)").param(body).update();
      // why called here rather than on its schedule: the size asserted must not depend on timing
      checkpoints.checkpoint();
    }
    assertThat(Files.size(wal))
        .as("log size after 32 MB of commits, 4 MB between checkpoints")
        .isLessThan(8L << 20);
    checkpoints.start();
    checkpoints.stop();
    assertThat(Files.size(wal)).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pages").query(Long.class).single()).isEqualTo(2_000);
    dataSource.close();
  }

  @Test
  void theApplicationsSqliteConnectionsLeaveCheckpointsToIt() {
    HikariDataSource dataSource = SqliteWriteTransactionsTest.sqlite("sv-wal-off-");
    assertThat(
            JdbcClient.create(dataSource)
                .sql("PRAGMA wal_autocheckpoint")
                .query(Integer.class)
                .single())
        .isZero();
    dataSource.close();
  }
}
