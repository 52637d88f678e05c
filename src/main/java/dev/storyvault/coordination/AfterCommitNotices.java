package dev.storyvault.coordination;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notices one transaction makes, sent together once it commits. why together: on PostgreSQL
 * each notice sent alone was one more statement after every write (a story write makes two: the
 * story and its owner's pages), where one statement carries them all.
 */
final class AfterCommitNotices implements TransactionSynchronization {

  private record Key(Invalidations invalidations) {}

  private final Key key;
  private final Set<Invalidations.Notice> notices = new LinkedHashSet<>();

  private AfterCommitNotices(Key key) {
    this.key = key;
  }

  /** Inside a transaction with synchronization active. */
  static void add(Invalidations invalidations, String topic, String id) {
    Key key = new Key(invalidations);
    AfterCommitNotices pending =
        (AfterCommitNotices) TransactionSynchronizationManager.getResource(key);
    if (pending == null) {
      pending = new AfterCommitNotices(key);
      TransactionSynchronizationManager.bindResource(key, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.notices.add(new Invalidations.Notice(topic, id));
  }

  @Override
  public void afterCommit() {
    key.invalidations().publishAll(notices);
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(key);
  }
}
