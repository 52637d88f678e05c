package dev.storyvault.story;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import dev.storyvault.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Pages of a person's own stories (scope {@code mine}, no words, no tag: what an app lists over and
 * over) as the bytes sent, kept per owner until one of the owner's stories changes. A change drops
 * the owner's pages on this instance when its transaction commits and on the others when the notice
 * arrives; the owner's pages are taken before the query runs, so a page read before a commit is
 * never kept after it.
 */
@Component
class StoryPages {

  private static final int OWNERS = 2_000;
  private static final int PAGES_PER_OWNER = 16;
  private static final int MAX_PAGE_BYTES = 64 * 1024;

  private final InvalidatedCache<Map<String, byte[]>> pages;

  StoryPages(Clock clock, Invalidations invalidations) {
    this.pages =
        new InvalidatedCache<>("story-pages", Duration.ofMinutes(10), OWNERS, clock, invalidations);
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
    Map<String, byte[]> known = pages.get(owner, o -> new ConcurrentHashMap<>());
    String key = key(parameters);
    byte[] answer = known.get(key);
    if (answer != null) return answer;
    answer = page.get();
    if (answer.length <= MAX_PAGE_BYTES) {
      if (known.size() >= PAGES_PER_OWNER) known.clear();
      known.put(key, answer);
    }
    return answer;
  }

  /** The page kept for this query, or null. */
  byte[] known(String owner, Map<String, String> parameters) {
    return pages.get(owner, o -> new ConcurrentHashMap<>()).get(key(parameters));
  }

  /** Inside the changing transaction. */
  void changed(String owner) {
    pages.invalidate(owner);
  }

  private static String key(Map<String, String> parameters) {
    return new TreeMap<>(parameters).toString();
  }
}
