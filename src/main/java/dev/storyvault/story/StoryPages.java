package dev.storyvault.story;

import dev.storyvault.coordination.Invalidations;
import dev.storyvault.coordination.KeptAnswers;
import dev.storyvault.identity.Caller;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Pages of a person's own stories (scope {@code mine}, no words, no tag: what an app lists over and
 * over) as the bytes sent, kept per owner until one of the owner's stories changes ({@link
 * KeptAnswers}).
 */
@Component
class StoryPages {

  private final KeptAnswers pages;

  StoryPages(Clock clock, Invalidations invalidations) {
    this.pages = new KeptAnswers("story-pages", 2_000, 16, 64 * 1024, clock, invalidations);
  }

  static boolean applies(Caller caller, StoryQuery query, Map<String, String> parameters) {
    return !caller.isAnonymous()
        && !caller.isAdmin()
        && query.scope() == StoryQuery.Scope.MINE
        && query.text() == null
        && query.tag() == null
        && !"content".equals(parameters.get("include"));
  }

  byte[] answer(String owner, Map<String, String> parameters, Supplier<byte[]> page) {
    return pages.answer(owner, key(parameters), page);
  }

  /** The page kept for this query, or null. */
  byte[] known(String owner, Map<String, String> parameters) {
    return pages.known(owner, key(parameters));
  }

  /** Inside the changing transaction. */
  void changed(String owner) {
    pages.changed(owner);
  }

  private static String key(Map<String, String> parameters) {
    return new TreeMap<>(parameters).toString();
  }
}
