package dev.storyvault.collection;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.ValidationLimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A collection's definition with its schema compiled: checks one document against both. */
record CompiledCollection(CollectionDefinition definition, Schema schema) {

  /** One thing wrong with a document, at a JSON path ({@code $.stats.hp}). */
  record Violation(String path, String message) {
    Map<String, Object> toMap() {
      return Map.of("path", path, "message", message);
    }
  }

  private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long MAX_STEPS = 2_000_000;

  /** Empty when the document is valid. */
  List<Violation> violations(Map<String, Object> document, JsonNode tree) {
    List<Violation> found = new ArrayList<>();
    try {
      List<Error> errors =
          BoundedRegex.within(
              BUDGET_NANOS,
              () ->
                  schema.validate(
                      tree,
                      context ->
                          context.executionConfig(config -> config.maxEvaluationSteps(MAX_STEPS))));
      errors.stream()
          .limit(20)
          .forEach(
              e -> found.add(new Violation(e.getInstanceLocation().toString(), e.getMessage())));
    } catch (BoundedRegex.TooSlow | ValidationLimitExceededException e) {
      found.add(
          new Violation(
              "$",
              "validating this document took too long (a pattern of the schema backtracks on it,"
                  + " or the schema is too costly); shorten the value or fix the schema."));
      return found;
    }
    for (IndexedField field : definition.indexedFields()) {
      if (!field.type().accepts(field.valueIn(document)))
        found.add(
            new Violation(
                "$." + field.path(),
                "an indexed "
                    + field.type().wireName()
                    + " field holds "
                    + field.type().expected()));
    }
    return found;
  }

  String name() {
    return definition.name();
  }
}
