package dev.storyvault.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Scale-out tests need PostgreSQL on 127.0.0.1:5432. Without it they are skipped with the reason
 * printed, except under CI=true, where they run and fail loudly instead.
 */
public class ScaleOutServices implements ExecutionCondition {

    public static final String PG_HOST = System.getenv().getOrDefault("STORYVAULT_TEST_PG_HOST", "127.0.0.1");
    public static final int PG_PORT = 5432;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Ports.answers(PG_HOST, PG_PORT)) return ConditionEvaluationResult.enabled("PostgreSQL answers");
        if ("true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: scale-out tests must run (PostgreSQL is not answering)");
        }
        String reason = "Skipping scale-out tests: no PostgreSQL on " + PG_HOST + ":" + PG_PORT;
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
