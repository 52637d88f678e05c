package dev.storyvault.database;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** One transaction per write (PostgreSQL). */
final class DirectWrites implements WriteTransactions {

  private final TransactionTemplate transaction;

  DirectWrites(TransactionTemplate transaction) {
    this.transaction = transaction;
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    return transaction.execute(status -> work.get());
  }
}
