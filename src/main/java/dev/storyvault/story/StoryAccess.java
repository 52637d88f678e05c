package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Stories as a caller may see them: owner, admin, public, or shared with them; otherwise 404. */
@Component
class StoryAccess {

  private final Stories stories;

  StoryAccess(Stories stories) {
    this.stories = stories;
  }

  /** The story as it is now (remembered until it changes), for reads. */
  Story readable(Caller caller, String id) {
    return findReadable(caller, id).orElseThrow(() -> ApiProblem.notFound("story"));
  }

  Optional<Story> findReadable(Caller caller, String id) {
    return visible(caller, id, stories::current);
  }

  /** The story read from the database, for a change. */
  Story writable(Caller caller, String id) {
    caller.requireScope(Scope.WRITE);
    Story story =
        visible(caller, id, stories::find).orElseThrow(() -> ApiProblem.notFound("story"));
    if (!caller.canWrite(story.ownerId()))
      throw ApiProblem.forbidden("Only the owner may change this story.");
    return story;
  }

  private static Optional<Story> visible(
      Caller caller, String id, Function<String, Optional<Story>> source) {
    if (!Ids.looksValid(id)) return Optional.empty();
    return source.apply(id).filter(s -> StoryVisibility.canRead(caller, s));
  }
}
