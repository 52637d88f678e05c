package dev.storyvault.collection;

import dev.storyvault.coordination.Invalidations;
import dev.storyvault.coordination.KeptAnswers;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Answers to listing queries of collections whose listing is the same for everyone allowed to list
 * them (rule {@code public} or {@code authenticated}: the game's catalogs), as the bytes sent,
 * until a document of the collection or its definition changes ({@link KeptAnswers}).
 */
@Component
class ListingCache {

  private final KeptAnswers answers;

  ListingCache(Clock clock, Invalidations invalidations) {
    this.answers =
        new KeptAnswers("collection-listings", 1_000, 2_000, 256 * 1024, clock, invalidations);
  }

  static boolean applies(CollectionDefinition definition) {
    AccessRule list = definition.access().list();
    return list == AccessRule.PUBLIC || list == AccessRule.AUTHENTICATED;
  }

  byte[] answer(
      CollectionDefinition definition, Map<String, String> parameters, Supplier<byte[]> query) {
    return answers.answer(definition.name(), key(definition, parameters), query);
  }

  /** The answer kept for this query, or null. */
  byte[] known(CollectionDefinition definition, Map<String, String> parameters) {
    return answers.known(definition.name(), key(definition, parameters));
  }

  private static String key(CollectionDefinition definition, Map<String, String> parameters) {
    return definition.version() + "?" + new TreeMap<>(parameters);
  }

  /** Inside the changing transaction. */
  void changed(String collection) {
    answers.changed(collection);
  }
}
