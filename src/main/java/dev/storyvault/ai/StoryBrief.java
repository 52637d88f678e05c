package dev.storyvault.ai;

import java.util.List;
import java.util.Map;

/**
 * The story parameters of the seeds: universes, characters, theme, moral lesson, how many pages,
 * age group. For a continuation: the bible (characters and their traits, settings, rules), the
 * recent pages and what the reader wants to happen next.
 */
public record StoryBrief(
    String title,
    List<String> universes,
    List<String> characters,
    String theme,
    String moralLesson,
    int pages,
    String ageGroup,
    Map<String, Object> bible,
    List<String> recentPages,
    String continuation) {

  public boolean isContinuation() {
    return recentPages != null && !recentPages.isEmpty();
  }
}
