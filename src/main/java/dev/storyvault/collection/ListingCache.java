package dev.storyvault.collection;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Answers to listing queries of collections whose listing is the same for everyone allowed to list
 * them (rule {@code public} or {@code authenticated}: the game's catalogs), as the bytes sent,
 * until a document of the collection or its definition changes. A change drops the collection's
 * answers on this instance when its transaction commits and on the others when the notice arrives;
 * the answers are taken before the query runs, so an answer computed before a commit is never kept
 * after it here.
 */
@Component
class ListingCache {

  private static final int MAX_QUERIES = 2_000;
  private static final int MAX_BYTES = 256 * 1024;

  private final InvalidatedCache<Map<String, byte[]>> answers;

  ListingCache(Clock clock, Invalidations invalidations) {
    this.answers =
        new InvalidatedCache<>(
            "collection-listings", Duration.ofMinutes(10), 1_000, clock, invalidations);
  }

  static boolean applies(CollectionDefinition definition) {
    AccessRule list = definition.access().list();
    return list == AccessRule.PUBLIC || list == AccessRule.AUTHENTICATED;
  }

  byte[] answer(
      CollectionDefinition definition, Map<String, String> parameters, Supplier<byte[]> query) {
    Map<String, byte[]> known = answers.get(definition.name(), name -> new ConcurrentHashMap<>());
    String key = definition.version() + "?" + new TreeMap<>(parameters);
    byte[] answer = known.get(key);
    if (answer != null) return answer;
    answer = query.get();
    if (answer.length <= MAX_BYTES) {
      if (known.size() >= MAX_QUERIES) known.clear();
      known.put(key, answer);
    }
    return answer;
  }

  /** The answer kept for this query, or null. */
  byte[] known(CollectionDefinition definition, Map<String, String> parameters) {
    return answers
        .get(definition.name(), name -> new ConcurrentHashMap<>())
        .get(key(definition, parameters));
  }

  private static String key(CollectionDefinition definition, Map<String, String> parameters) {
    return definition.version() + "?" + new TreeMap<>(parameters);
  }

  /** Inside the changing transaction. */
  void changed(String collection) {
    answers.invalidate(collection);
  }
}
