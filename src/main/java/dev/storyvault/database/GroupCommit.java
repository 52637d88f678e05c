package dev.storyvault.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for SQLite (leader/followers): a writer queues its work; whichever writer gets the
 * lead runs everything queued in one transaction, commits once, and wakes the others with their
 * results. If a piece throws, that transaction is rolled back and each piece runs again in a
 * transaction of its own, so a failure undoes only its own piece.
 */
final class GroupCommit implements WriteTransactions {

  static final int MAX_BATCH = 64;

  private final TransactionTemplate transaction;
  private final ReentrantLock lead = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(TransactionTemplate transaction) {
    this.transaction = transaction;
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) return work.get();
    Pending<T> mine = new Pending<>(work, Thread.currentThread());
    queue.add(mine);
    while (!mine.done) {
      if (lead.tryLock()) {
        try {
          if (!mine.done) runBatch();
        } finally {
          lead.unlock();
        }
        wakeNextLeader();
      } else {
        // why a timeout: a wake-up can be missed between the check and the park; 1 ms bounds that
        LockSupport.parkNanos(this, 1_000_000);
      }
    }
    return mine.result();
  }

  private void runBatch() {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) batch.add(p);
    if (batch.isEmpty()) return;
    if (batch.size() == 1 || !runTogether(batch)) batch.forEach(this::runAlone);
    batch.forEach(Pending::finish);
  }

  /**
   * All in one transaction; false (and nothing kept) if any piece threw, so that each can run
   * alone. why not a savepoint per piece: failures are rare (validation happens before), and two
   * more statements per piece cost more than redoing a batch now and then.
   */
  private boolean runTogether(List<Pending<?>> batch) {
    try {
      transaction.executeWithoutResult(status -> batch.forEach(Pending::run));
      return true;
    } catch (RuntimeException | Error e) {
      return false; // each piece's value is set again by its run alone
    }
  }

  private void runAlone(Pending<?> pending) {
    try {
      transaction.executeWithoutResult(status -> pending.run());
    } catch (RuntimeException | Error e) {
      pending.failed(e);
    }
  }

  private void wakeNextLeader() {
    Pending<?> next = queue.peek();
    if (next != null) LockSupport.unpark(next.thread);
  }

  private static final class Pending<T> {
    private final Supplier<T> work;
    private final Thread thread;
    private T value;
    private Throwable failure;
    private volatile boolean done;

    Pending(Supplier<T> work, Thread thread) {
      this.work = work;
      this.thread = thread;
    }

    void run() {
      value = work.get();
    }

    void failed(Throwable e) {
      if (failure == null) failure = e;
    }

    void finish() {
      done = true;
      LockSupport.unpark(thread);
    }

    T result() {
      if (failure instanceof RuntimeException e) throw e;
      if (failure instanceof Error e) throw e;
      return value;
    }
  }
}
