package dev.storyvault.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error a controller raises leaves as application/problem+json with a stable type. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletResponse response) {
    // why: a handler may have set validators or cache headers before failing; a problem carries
    // none of them
    if (!response.isCommitted()) response.reset();
    return ResponseEntity.status(problem.status())
        .headers(problem.headers())
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(problem));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-multipart",
        "Malformed multipart request",
        "The multipart body could not be read: send one part named 'file'.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The server failed to handle this request; it has been logged.");
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ResponseEntity<Object> entity =
        super.handleExceptionInternal(ex, body, headers, status, request);
    if (entity != null && entity.getBody() instanceof ProblemDetail detail) {
      detail.setType(java.net.URI.create(Problems.TYPE_PREFIX + Problems.slugFor(status.value())));
      detail.setInstance(null);
      HttpHeaders out = new HttpHeaders();
      out.putAll(entity.getHeaders());
      out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(detail, out, entity.getStatusCode());
    }
    return entity;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String slug, String title, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, slug, title, detail));
  }
}
