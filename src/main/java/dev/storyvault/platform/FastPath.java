package dev.storyvault.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A filter that answers some hot reads itself, ahead of Spring MVC, and passes every other request
 * on to the controller, which answers the same way. A problem raised while answering (a range that
 * cannot be satisfied, say) is written as Spring MVC would write it.
 */
public abstract class FastPath extends RequestFilter {

  private final ProblemWriter problems;

  protected FastPath(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected final void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean answered;
    try {
      answered = answered(request, response);
    } catch (ApiProblem problem) {
      response.reset();
      problems.write(response, problem);
      return;
    }
    if (!answered) chain.doFilter(request, response);
  }

  /** Answers the request and returns true, or leaves the response untouched and returns false. */
  protected abstract boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException;
}
