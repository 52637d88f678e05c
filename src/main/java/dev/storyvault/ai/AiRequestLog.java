package dev.storyvault.ai;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.generationlog.GenerationLogs;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Every {@code /api/ai/generate} request in the generation logs: succeeded (in the same transaction
 * as what it stored), failed (no provider could answer, or one refused the request) or rejected
 * (invalid input).
 */
@Component
class AiRequestLog {

  private final GenerationLogs logs;
  private final WriteTransactions writes;
  private final Clock clock;

  AiRequestLog(GenerationLogs logs, WriteTransactions writes, Clock clock) {
    this.logs = logs;
    this.writes = writes;
    this.clock = clock;
  }

  /**
   * Runs the request; {@code finish} stores what it made (in the log's transaction) and returns the
   * asset id, or null.
   */
  <R, T> T logged(
      Caller caller,
      Modality modality,
      int size,
      java.util.function.Supplier<Routed<R>> call,
      Function<Routed<R>, T> finish,
      Function<T, String> assetId) {
    long started = clock.millis();
    Routed<R> routed;
    try {
      routed = call.get();
    } catch (RuntimeException e) {
      fail(caller, modality, size, started, e);
      throw e;
    }
    return writes.execute(
        () -> {
          T made = finish.apply(routed);
          logs.recordOutcome(
              caller.userId(),
              "api",
              modality.wireName(),
              size,
              "succeeded",
              null,
              clock.millis() - started,
              routed.cost(),
              providers(routed),
              assetId.apply(made),
              clock.millis());
          return made;
        });
  }

  /** A request refused before any provider was asked. */
  void rejected(Caller caller, Modality modality, int size, ApiProblem problem) {
    writes.run(
        () ->
            logs.recordOutcome(
                caller.userId(),
                "api",
                modality.wireName(),
                size,
                "rejected",
                problem.slug(),
                0,
                0,
                null,
                null,
                clock.millis()));
  }

  private void fail(Caller caller, Modality modality, int size, long started, RuntimeException e) {
    String reason =
        e instanceof ProviderFailure f
            ? f.reason().wireName()
            : e instanceof NoProviderLeft ? "ai-unavailable" : e.getClass().getSimpleName();
    writes.run(
        () ->
            logs.recordOutcome(
                caller.userId(),
                "api",
                modality.wireName(),
                size,
                "failed",
                reason,
                clock.millis() - started,
                0,
                e instanceof NoProviderLeft none ? String.join(",", none.tried()) : null,
                null,
                clock.millis()));
  }

  private static String providers(Routed<?> routed) {
    List<String> all = new ArrayList<>(routed.failedBefore());
    all.add(routed.provider());
    return String.join(",", all);
  }
}
