package dev.storyvault.coordination;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read cache whose entries are dropped on every instance when what they show changes. An
 * invalidation made inside a transaction takes effect when it commits; a value loaded while an
 * invalidation happened is not kept (it may have been read before the change committed), so after
 * {@link #invalidate} returns — or its transaction commits — no reader on this instance gets the
 * old value.
 */
public final class InvalidatedCache<V> {

  private record Entry<V>(V value, long expires) {}

  private final String topic;
  private final long ttlMillis;
  private final int maxEntries;
  private final Clock clock;
  private final Invalidations invalidations;
  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  public InvalidatedCache(
      String topic, Duration ttl, int maxEntries, Clock clock, Invalidations invalidations) {
    this.topic = topic;
    this.ttlMillis = ttl.toMillis();
    this.maxEntries = maxEntries;
    this.clock = clock;
    this.invalidations = invalidations;
    invalidations.subscribe(topic, this::drop);
  }

  public V get(String key, Function<String, V> loader) {
    long now = clock.millis();
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.expires() > now) return entry.value();
    long seen = generation.get();
    V value = loader.apply(key);
    if (entries.size() >= maxEntries) entries.clear();
    entries.compute(
        key, (k, old) -> generation.get() == seen ? new Entry<>(value, now + ttlMillis) : old);
    return value;
  }

  /**
   * Drops {@code key} everywhere: now, and again after the current transaction commits (if there is
   * one).
   */
  public void invalidate(String key) {
    drop(key);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      AfterCommitNotices.add(invalidations, topic, key);
    } else {
      invalidations.publish(topic, key);
    }
  }

  private void drop(String key) {
    generation.incrementAndGet();
    entries.remove(key);
  }
}
