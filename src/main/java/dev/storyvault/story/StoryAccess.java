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

  Story readable(Caller caller, String id) {
    if (!Ids.looksValid(id)) throw ApiProblem.notFound("story");
    return stories
        .find(id)
        .filter(s -> StoryVisibility.canRead(caller, s))
        .orElseThrow(() -> ApiProblem.notFound("story"));
  }

  Story writable(Caller caller, String id) {
    caller.requireScope(Scope.WRITE);
    Story story = readable(caller, id);
    if (!caller.canWrite(story.ownerId()))
      throw ApiProblem.forbidden("Only the owner may change this story.");
    return story;
  }
}
