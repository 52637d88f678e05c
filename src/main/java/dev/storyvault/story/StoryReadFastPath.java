package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.JsonAnswer;
import dev.storyvault.platform.PathShape;
import dev.storyvault.platform.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
class StoryReadFastPath extends RequestFilter {

  private static final PathShape STORY = new PathShape("/api/stories/", "");
  private static final String PRIVATE = "no-store, private";

  private final Stories stories;
  private final ReadingHistory history;
  private final JsonMapper json;

  StoryReadFastPath(Stories stories, ReadingHistory history, JsonMapper json) {
    this.stories = stories;
    this.history = history;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || request.getQueryString() != null
        || !JsonAnswer.accepted(request.getHeader("Accept"))
        || !STORY.matches(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = Caller.of(request);
    Optional<Story> story = caller.isAnonymous() ? Optional.empty() : readable(request, caller);
    if (story.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    history.opened(caller, story.get());
    response.setHeader("Cache-Control", PRIVATE);
    response.setHeader("ETag", story.get().etag());
    if (story.get().etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body =
        json.writeValueAsBytes(StoryDocuments.view(story.get(), StoriesController.ASSET_URLS));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private Optional<Story> readable(HttpServletRequest request, Caller caller) {
    String id = STORY.segment(request.getRequestURI());
    return StoryAccess.looksLikeId(id)
        ? stories.current(id).filter(s -> StoryVisibility.canRead(caller, s))
        : Optional.empty();
  }
}
