package dev.storyvault.coordination;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Cluster-wide notices that cached entries are stale (a revoked key, a withdrawn public blob). A
 * notice reaches this instance's subscribers before {@link #publish} returns, and the other
 * instances' soon after.
 */
public interface Invalidations {

  void publish(String topic, String key);

  /** Several notices, as {@link #publish} each; an implementation may send them together. */
  default void publishAll(Collection<Notice> notices) {
    notices.forEach(notice -> publish(notice.topic(), notice.key()));
  }

  record Notice(String topic, String key) {}

  void subscribe(String topic, Consumer<String> onStale);
}
