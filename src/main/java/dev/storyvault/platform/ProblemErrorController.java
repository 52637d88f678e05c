package dev.storyvault.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (the container rejecting a request, a filter failing) are
 * forwarded to /error; they too leave as problem+json, never as an HTML page or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    HttpStatus resolved = HttpStatus.resolve(status);
    String title = resolved != null ? resolved.getReasonPhrase() : "Error";
    String detail =
        status >= 500
            ? "The server failed to handle this request."
            : "The request was rejected: " + title.toLowerCase() + ".";
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.valueOf(status), Problems.slugFor(status), title, detail));
  }
}
