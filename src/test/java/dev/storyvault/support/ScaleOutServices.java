package dev.storyvault.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Scale-out tests need PostgreSQL on 127.0.0.1:5432 and Redis on 6379. Without them they are
 * skipped with the reason printed, except under CI=true, where they run and fail loudly instead.
 */
public class ScaleOutServices implements ExecutionCondition {

  public static final String PG_HOST =
      System.getenv().getOrDefault("STORYVAULT_TEST_PG_HOST", "127.0.0.1");
  public static final int PG_PORT = 5432;
  public static final int REDIS_PORT = 6379;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean postgres = Ports.answers(PG_HOST, PG_PORT);
    boolean redis = Ports.answers(PG_HOST, REDIS_PORT);
    if (postgres && redis) return ConditionEvaluationResult.enabled("PostgreSQL and Redis answer");
    if ("true".equals(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled(
          "CI=true: scale-out tests must run (PostgreSQL or Redis is not answering)");
    }
    String reason =
        "Skipping scale-out tests: "
            + (postgres ? "" : "no PostgreSQL on " + PG_HOST + ":" + PG_PORT + " ")
            + (redis ? "" : "no Redis on " + PG_HOST + ":" + REDIS_PORT);
    System.out.println(reason);
    return ConditionEvaluationResult.disabled(reason);
  }
}
