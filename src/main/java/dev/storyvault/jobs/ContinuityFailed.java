package dev.storyvault.jobs;

import dev.storyvault.continuity.ContinuityIssue;
import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The script still broke the bible after one rewrite: the job fails, showing the issues. */
final class ContinuityFailed {

  private ContinuityFailed() {}

  static ApiProblem of(List<ContinuityIssue> issues) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "continuity-failed",
        "Continuity check failed",
        issues.size()
            + " continuity error(s) remained after a rewrite: "
            + issues.getFirst().description(),
        HttpHeaders.EMPTY,
        Map.of("issues", issues));
  }
}
