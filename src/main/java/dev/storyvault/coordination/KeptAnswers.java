package dev.storyvault.coordination;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers to read queries as the bytes sent, kept per group (a collection, an owner) until
 * something in the group changes. A change drops the group's answers on this instance when its
 * transaction commits and on the others when the notice arrives (an {@link InvalidatedCache} of
 * groups). A group's answers are taken before the query runs, so an answer computed before a commit
 * is never kept after it.
 */
public final class KeptAnswers {

  private final InvalidatedCache<Map<String, byte[]>> groups;
  private final int answersPerGroup;
  private final int maxBytes;

  public KeptAnswers(
      String topic,
      int maxGroups,
      int answersPerGroup,
      int maxBytes,
      Clock clock,
      Invalidations invalidations) {
    this.groups =
        new InvalidatedCache<>(topic, Duration.ofMinutes(10), maxGroups, clock, invalidations);
    this.answersPerGroup = answersPerGroup;
    this.maxBytes = maxBytes;
  }

  /** The kept answer to {@code query} in {@code group}, or {@code compute}'s, kept if small. */
  public byte[] answer(String group, String query, Supplier<byte[]> compute) {
    Map<String, byte[]> known = answers(group);
    byte[] answer = known.get(query);
    if (answer != null) return answer;
    answer = compute.get();
    if (answer.length <= maxBytes) {
      if (known.size() >= answersPerGroup) known.clear();
      known.put(query, answer);
    }
    return answer;
  }

  /** The answer kept for this query, or null. */
  public byte[] known(String group, String query) {
    return answers(group).get(query);
  }

  /** Inside the changing transaction. */
  public void changed(String group) {
    groups.invalidate(group);
  }

  private Map<String, byte[]> answers(String group) {
    return groups.get(group, g -> new ConcurrentHashMap<>());
  }
}
