package dev.storyvault.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.support.TestModes;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SqliteWriteTransactionsTest extends WriteTransactionsContract {

  private HikariDataSource dataSource;

  static HikariDataSource sqlite(String prefix) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(
        "jdbc:sqlite:"
            + TestModes.tempDir(prefix).resolve("test.db")
            + "?journal_mode=WAL&synchronous=FULL&busy_timeout=15000&transaction_mode=IMMEDIATE");
    dataSource.setMaximumPoolSize(8);
    // why through the application's post-processor: it is what sets up the application's SQLite
    // connections
    DatabaseConfiguration.sqliteConnections()
        .postProcessBeforeInitialization(dataSource, "dataSource");
    return dataSource;
  }

  @Override
  protected DataSource dataSource() {
    return dataSource = sqlite("sv-group-commit-");
  }

  @Override
  protected PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new SqliteTransactionManager(dataSource);
  }

  @Override
  protected WriteTransactions writes(TransactionTemplate transaction) {
    return new GroupCommit(transaction);
  }

  @Override
  protected void close() {
    dataSource.close();
  }
}
