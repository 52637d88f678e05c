package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.JsonAnswer;
import dev.storyvault.platform.PathShape;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/stories/{id}} by a caller who signed in and may read the story, answered after
 * authentication and rate limiting but before Spring MVC: readers and apps fetch stories over and
 * over, and a profile showed the handler lookup, content negotiation and return-value handling cost
 * more than the cached story's JSON. Anonymous reads (which carry CDN headers), other media types
 * and anything not readable go on to {@link StoriesController#get}, which answers the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StoryReadFastPath extends FastPath {

  private static final PathShape STORY = new PathShape("/api/stories/", "");
  private static final String PRIVATE = "no-store, private";

  private final StoryAccess access;
  private final ReadingHistory history;
  private final JsonMapper json;

  StoryReadFastPath(
      StoryAccess access, ReadingHistory history, JsonMapper json, ProblemWriter problems) {
    super(problems);
    this.access = access;
    this.history = history;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !JsonAnswer.jsonGet(request)
        || request.getQueryString() != null
        || !STORY.matches(request.getRequestURI());
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = Caller.of(request);
    Optional<Story> story =
        caller.isAnonymous()
            ? Optional.empty()
            : access.findReadable(caller, STORY.segment(request.getRequestURI()));
    if (story.isEmpty()) return false;
    history.opened(caller, story.get());
    response.setHeader("Cache-Control", PRIVATE);
    if (story.get().etag().equals(request.getHeader("If-None-Match"))) {
      response.setHeader("ETag", story.get().etag());
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return true;
    }
    JsonAnswer.send(
        response,
        story.get().etag(),
        json.writeValueAsBytes(StoryDocuments.view(story.get(), StoriesController.ASSET_URLS)));
    return true;
  }
}
