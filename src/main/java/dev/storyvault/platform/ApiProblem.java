package dev.storyvault.platform;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. Rendered as application/problem+json with a stable type. Thrown
 * anywhere below a controller; {@link ProblemResponses} turns it into the response.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final HttpHeaders headers;
  private final Map<String, Object> properties;

  public ApiProblem(HttpStatus status, String slug, String title, String detail) {
    this(status, slug, title, detail, HttpHeaders.EMPTY, Map.of());
  }

  public ApiProblem(
      HttpStatus status,
      String slug,
      String title,
      String detail,
      HttpHeaders headers,
      Map<String, Object> properties) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.headers = headers;
    this.properties = properties;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "not-found",
        "Not found",
        "No " + what + " with that id exists, or you may not see it.");
  }

  public static ApiProblem badRequest(String slug, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
  }

  public static ApiProblem unsupportedMediaType(String detail) {
    return new ApiProblem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Unsupported media type",
        detail);
  }

  public static ApiProblem unprocessable(String slug, String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Unprocessable content", detail);
  }

  public static ApiProblem tooLarge(String detail) {
    return new ApiProblem(
        HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large", detail);
  }

  public static ApiProblem unauthorized(String detail) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"storyvault\"");
    return new ApiProblem(
        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, headers, Map.of());
  }

  /** 503 with Retry-After: a bounded resource is busy; the client should come back, not give up. */
  public static ApiProblem busy(String slug, String title, String detail, int retryAfterSeconds) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail, headers, Map.of());
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
