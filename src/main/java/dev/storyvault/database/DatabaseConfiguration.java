package dev.storyvault.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean
  Dialect dialect(Environment environment) {
    return Dialect.fromJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource, Dialect dialect) {
    return dialect == Dialect.SQLITE
        ? new SqliteTransactionManager(dataSource)
        : new JdbcTransactionManager(dataSource);
  }

  @Bean
  WriteTransactions writeTransactions(
      PlatformTransactionManager transactionManager, Dialect dialect) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return dialect == Dialect.SQLITE ? new GroupCommit(transaction) : new DirectWrites(transaction);
  }

  @Bean
  @ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:sqlite:')")
  WalCheckpoints walCheckpoints(
      DataSource dataSource, PlatformTransactionManager transactionManager) {
    return new WalCheckpoints(
        dataSource, ((SqliteTransactionManager) transactionManager).writers());
  }

  /**
   * why: SQLite will not create the folder its file lives in, and ./data may not exist on first
   * start; and its connections leave checkpoints to {@link WalCheckpoints}.
   */
  @Bean
  static BeanPostProcessor sqliteConnections() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource hikari
            && hikari.getJdbcUrl() != null
            && hikari.getJdbcUrl().startsWith("jdbc:sqlite:")) {
          createParentOf(hikari.getJdbcUrl().substring("jdbc:sqlite:".length()));
          hikari.setConnectionInitSql(WalCheckpoints.CONNECTION_INIT);
        }
        return bean;
      }
    };
  }

  private static void createParentOf(String sqliteFile) {
    String file =
        sqliteFile.contains("?") ? sqliteFile.substring(0, sqliteFile.indexOf('?')) : sqliteFile;
    if (file.isBlank() || file.startsWith(":memory:")) return;
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data folder " + parent, e);
    }
  }
}
