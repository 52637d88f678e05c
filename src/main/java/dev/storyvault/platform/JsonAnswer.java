package dev.storyvault.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the fast-path filters need to answer JSON the way Spring MVC would. */
public final class JsonAnswer {

  private JsonAnswer() {}

  /** Whether Spring MVC would pick JSON for this Accept header (else it answers 406 itself). */
  public static boolean accepted(String accept) {
    return accept == null || accept.contains("application/json") || accept.contains("*/*");
  }

  /** A GET for which Spring MVC would answer JSON: what the JSON fast paths may answer. */
  public static boolean jsonGet(jakarta.servlet.http.HttpServletRequest request) {
    return "GET".equals(request.getMethod()) && accepted(request.getHeader("Accept"));
  }

  public static void send(HttpServletResponse response, String etag, byte[] body)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("ETag", etag);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
