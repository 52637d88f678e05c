package dev.storyvault.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.storyvault.support.ScaleOutServices;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(ScaleOutServices.class)
class PostgresWriteTransactionsTest extends WriteTransactionsContract {

  private final String schema = "sv_writes_" + UUID.randomUUID().toString().substring(0, 8);
  private HikariDataSource dataSource;

  @Override
  protected DataSource dataSource() {
    HikariDataSource admin = pool(null);
    JdbcClient.create(admin).sql("CREATE SCHEMA " + schema).update();
    admin.close();
    return dataSource = pool(schema);
  }

  private static HikariDataSource pool(String schema) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(
        "jdbc:postgresql://"
            + ScaleOutServices.PG_HOST
            + ":"
            + ScaleOutServices.PG_PORT
            + "/test"
            + (schema == null ? "" : "?currentSchema=" + schema));
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(8);
    return pool;
  }

  @Override
  protected PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Override
  protected WriteTransactions writes(TransactionTemplate transaction) {
    return new DirectWrites(transaction);
  }

  @Override
  protected void close() {
    jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    dataSource.close();
  }
}
