package dev.storyvault.database;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * SQLite admits one writer at a time and makes the others wait by sleeping and retrying
 * (busy_timeout), which turns contention into tens of milliseconds of idle latency. Writers queue
 * on a fair lock here instead, so each starts the moment the previous one commits. Read-only
 * transactions do not queue.
 */
class SqliteTransactionManager extends JdbcTransactionManager {

  private final ReentrantLock writer = new ReentrantLock(true);
  private final ThreadLocal<Deque<Boolean>> holds = ThreadLocal.withInitial(ArrayDeque::new);

  SqliteTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    boolean write = !definition.isReadOnly();
    if (write) writer.lock();
    holds.get().push(write);
    try {
      super.doBegin(transaction, definition);
    } catch (RuntimeException | Error e) {
      release();
      throw e;
    }
  }

  @Override
  protected void doCleanupAfterCompletion(Object transaction) {
    try {
      super.doCleanupAfterCompletion(transaction);
    } finally {
      release();
    }
  }

  /**
   * The lock every write transaction takes first: held, no write transaction of this application
   * runs.
   */
  ReentrantLock writers() {
    return writer;
  }

  private void release() {
    Deque<Boolean> stack = holds.get();
    if (!stack.isEmpty() && stack.pop() && writer.isHeldByCurrentThread()) writer.unlock();
  }
}
