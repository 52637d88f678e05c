package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.JsonAnswer;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A page of a person's own stories already in {@link StoryPages}, answered after authentication and
 * rate limiting but before Spring MVC. Anything else — not kept, another scope, a search, a problem
 * with the query — goes on to {@link StoriesController#list}, which answers the same way and keeps
 * the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StoryPageFastPath extends FastPath {

  private final StoryPages pages;

  StoryPageFastPath(StoryPages pages, ProblemWriter problems) {
    super(problems);
    this.pages = pages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !JsonAnswer.jsonGet(request) || !"/api/stories".equals(request.getRequestURI());
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = Caller.of(request);
    if (caller.isAnonymous() || !caller.scopes().contains(Scope.READ)) return false;
    Map<String, String> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
    try {
      if (!StoryPages.applies(caller, StoryQueryParser.parse(caller, parameters), parameters))
        return false;
    } catch (ApiProblem refused) {
      return false;
    }
    byte[] page = pages.known(caller.userId(), parameters);
    if (page == null) return false;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
    return true;
  }
}
