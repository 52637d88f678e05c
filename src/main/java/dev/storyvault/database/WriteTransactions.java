package dev.storyvault.database;

import java.util.function.Supplier;

/**
 * Short write transactions for the request path. On SQLite, writes that arrive together share one
 * transaction and one commit (group commit): SQLite admits one writer at a time and each commit
 * waits for an fsync, so serializing them one by one made every writer queue behind the others'
 * commits. On PostgreSQL each runs in its own transaction (the server runs them side by side and
 * groups commits itself). Either way the caller returns only after its work is durably committed,
 * or with the exception its work threw and nothing of it kept.
 */
public interface WriteTransactions {

  /**
   * Runs {@code work} in a write transaction; inside one already, joins it. {@code work} may run
   * twice (again on its own when another piece of its group failed), so it should only write to the
   * database and publish events that listeners take after the commit
   * ({@code @TransactionalEventListener}, {@code @ApplicationModuleListener}): those of a
   * rolled-back attempt are never delivered.
   */
  <T> T execute(Supplier<T> work);

  default void run(Runnable work) {
    execute(
        () -> {
          work.run();
          return null;
        });
  }
}
