package dev.storyvault.ratelimit;

import dev.storyvault.database.Dialect;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's rate-limit buckets, keyed by their id where they are kept in PostgreSQL (in Redis they
 * expire a minute after their last use; in memory, with the process). Nothing to export: a bucket
 * is a count of recent requests.
 */
@Component
@Order(60)
class RateLimitPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final Dialect dialect;
  private final WriteTransactions writes;

  RateLimitPersonalData(JdbcClient jdbc, Dialect dialect, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "rate-limits";
  }

  @Override
  public void export(String userId, PersonalArchive archive) {}

  @Override
  public int erase(String userId, String heir) {
    if (dialect == Dialect.SQLITE) return 0;
    return writes.execute(
        () ->
            jdbc.sql("DELETE FROM rate_limit_buckets WHERE id LIKE ?")
                .param("%user:" + userId + "%")
                .update());
  }
}
