package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import org.springframework.stereotype.Component;

/** Stories as a caller may see them: owner, admin, public, or shared with them; otherwise 404. */
@Component
class StoryAccess {

  private final Stories stories;

  StoryAccess(Stories stories) {
    this.stories = stories;
  }

  static boolean looksLikeId(String id) {
    return Ids.looksValid(id);
  }

  /** The story as it is now (remembered until it changes), for reads. */
  Story readable(Caller caller, String id) {
    if (!Ids.looksValid(id)) throw ApiProblem.notFound("story");
    return stories
        .current(id)
        .filter(s -> StoryVisibility.canRead(caller, s))
        .orElseThrow(() -> ApiProblem.notFound("story"));
  }

  /** The story read from the database, for a change. */
  Story writable(Caller caller, String id) {
    caller.requireScope(Scope.WRITE);
    if (!Ids.looksValid(id)) throw ApiProblem.notFound("story");
    Story story =
        stories
            .find(id)
            .filter(s -> StoryVisibility.canRead(caller, s))
            .orElseThrow(() -> ApiProblem.notFound("story"));
    if (!caller.canWrite(story.ownerId()))
      throw ApiProblem.forbidden("Only the owner may change this story.");
    return story;
  }
}
