package dev.storyvault.platform;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The one place problem types are named, so that they stay stable. */
public final class Problems {

  public static final String TYPE_PREFIX = "urn:storyvault:problem:";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + slug));
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail of(ApiProblem problem) {
    ProblemDetail detail =
        of(problem.status(), problem.slug(), problem.title(), problem.getMessage());
    problem.properties().forEach(detail::setProperty);
    return detail;
  }

  /** A slug for statuses raised by the framework, before any of our code runs. */
  public static String slugFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "content-too-large";
      case 415 -> "unsupported-media-type";
      case 416 -> "range-not-satisfiable";
      case 429 -> "too-many-requests";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal-error" : "client-error";
    };
  }
}
