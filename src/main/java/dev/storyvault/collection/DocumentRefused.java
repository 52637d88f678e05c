package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The refusals of a document write, each naming the JSON path to fix. */
final class DocumentRefused {

  private DocumentRefused() {}

  static ApiProblem invalid(List<CompiledCollection.Violation> violations) {
    CompiledCollection.Violation first = violations.getFirst();
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-document",
        "Invalid document",
        first.path() + ": " + first.message(),
        HttpHeaders.EMPTY,
        Map.of("errors", violations.stream().map(CompiledCollection.Violation::toMap).toList()));
  }

  static ApiProblem invalid(String path, String message) {
    return invalid(List.of(new CompiledCollection.Violation(path, message)));
  }
}
