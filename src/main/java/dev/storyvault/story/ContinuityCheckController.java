package dev.storyvault.story;

import dev.storyvault.continuity.Bible;
import dev.storyvault.continuity.ContinuityIssue;
import dev.storyvault.continuity.ContinuityValidator;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks any text against a story's bible and cast: the issues, and the text with drifted names
 * corrected.
 */
@RestController
class ContinuityCheckController {

  private final StoryAccess access;
  private final ContinuityValidator validator = new ContinuityValidator();
  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A continuity check", 256 * 1024, 8));

  ContinuityCheckController(StoryAccess access) {
    this.access = access;
  }

  @PostMapping("/api/stories/{id}/continuity-check")
  Map<String, Object> check(Caller caller, @PathVariable String id, HttpServletRequest request)
      throws IOException {
    Story story = access.readable(caller, id);
    Map<String, Object> body = json.readObject(request.getInputStream());
    if (!(body.get("text") instanceof String text) || text.isBlank() || text.length() > 100_000) {
      throw ApiProblem.badRequest("invalid-text", "text is required (at most 100,000 characters).");
    }
    int page =
        body.get("page") instanceof Integer p && p > 0 ? p : story.content().pages().size() + 1;
    List<ContinuityIssue> issues = validator.check(text, bible(story), page);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("issues", issues);
    out.put("errors", issues.stream().filter(ContinuityIssue::isError).count());
    out.put("corrected_text", validator.autoCorrect(text, issues));
    return out;
  }

  /**
   * The bible's characters, and the cast of the story's parameters that the bible does not list.
   */
  private static Bible bible(Story story) {
    return Bible.of(story.content().bible()).withCast(story.content().characters());
  }
}
