package dev.storyvault.story;

import dev.storyvault.identity.Users;
import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A client's story document, validated, with the users it is shared with known to exist. */
@Component
class StoryInput {

  private final Users users;

  StoryInput(Users users) {
    this.users = users;
  }

  StoryContent content(Map<String, Object> document) {
    StoryContent content = StoryValidator.validate(document);
    List<String> unknown =
        content.sharedWith().stream().filter(u -> users.find(u).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw ApiProblem.unprocessable(
          "unknown-user", "sharing.shared_with names users that do not exist: " + unknown + ".");
    }
    return content;
  }
}
