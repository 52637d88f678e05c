package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import java.util.List;

/**
 * The one rule for who may read a story: its owner, admins, anyone when it is public, and the
 * people it is shared with. Stated once for a story in hand and once as SQL over {@code stories s}.
 */
final class StoryVisibility {

  private static final String SHARED =
      "EXISTS (SELECT 1 FROM story_shares sh WHERE sh.story_id = s.id AND sh.user_id = ?)";

  private StoryVisibility() {}

  /** A condition on {@code stories s} and its bound values. */
  record Condition(String sql, List<Object> params) {}

  static boolean canRead(Caller caller, Story story) {
    return caller.canRead(story.ownerId(), story.content().isPublic())
        || (!caller.isAnonymous() && story.content().sharedWith().contains(caller.userId()));
  }

  static Condition readableBy(Caller caller) {
    if (caller.isAdmin()) return new Condition("1 = 1", List.of());
    if (caller.isAnonymous()) return new Condition("s.is_public = TRUE", List.of());
    return new Condition(
        "(s.owner_id = ? OR s.is_public = TRUE OR " + SHARED + ")",
        List.of(caller.userId(), caller.userId()));
  }

  static Condition sharedWith(Caller caller) {
    return new Condition(SHARED, List.of(caller.userId()));
  }
}
