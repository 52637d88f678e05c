package dev.storyvault.ai;

import dev.storyvault.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** How a provider outcome reads to a caller: what failed, never a provider's body or key. */
final class AiProblems {

  private AiProblems() {}

  static ApiProblem of(RuntimeException e) {
    if (e instanceof ProviderFailure f && f.reason() == ProviderFailure.Reason.REJECTED) {
      return new ApiProblem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "ai-request-rejected",
          "Request rejected by the provider",
          "The provider refused this request as invalid ("
              + f.getMessage()
              + "); change it and try again.");
    }
    if (e instanceof NoProviderLeft none) {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, "30");
      return new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "ai-unavailable",
          "No provider available",
          "No provider could answer in time"
              + (none.last() == null ? "" : " (last: " + none.last().reason().wireName() + ")")
              + "; try again later.",
          headers,
          Map.of("tried", none.tried()));
    }
    throw e;
  }
}
