package dev.storyvault.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from places outside Spring MVC's exception handling (servlet filters). */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    response.setStatus(problem.status().value());
    problem.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    json.writeValue(response.getOutputStream(), Problems.of(problem));
  }
}
