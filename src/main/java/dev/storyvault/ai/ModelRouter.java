package dev.storyvault.ai;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One modality's router: orders its providers by the strategy, skips those cooling down or with an
 * open circuit, retries a transient failure on the same provider (jittered backoff, Retry-After
 * honoured when it fits), falls back to the next on anything but a rejected request, all within one
 * deadline.
 */
public final class ModelRouter<P extends AiProvider> {

  private final Modality modality;
  private final List<ProviderGate<P>> gates;
  private final RouterSettings rules;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Random random = new Random();

  public ModelRouter(
      Modality modality,
      List<P> providers,
      RouterSettings rules,
      Clock clock,
      MeterRegistry meters) {
    this.modality = modality;
    this.rules = rules;
    this.clock = clock;
    this.meters = meters;
    this.gates = providers.stream().map(p -> new ProviderGate<>(p, rules, clock)).toList();
  }

  public Modality modality() {
    return modality;
  }

  public RouterSettings rules() {
    return rules;
  }

  /** Calls providers in order until one answers; {@code cost} prices a result for this provider. */
  public <R> Routed<R> call(
      Duration budget, BiFunction<P, Duration, R> attempt, BiFunction<P, R, Double> cost) {
    long deadline = clock.millis() + Math.min(budget.toMillis(), rules.deadline().toMillis());
    List<String> failed = new ArrayList<>();
    ProviderFailure last = null;
    for (ProviderGate<P> gate : rules.strategy().order(gates, modality, random)) {
      if (!gate.eligible())
        continue; // why not state(): an open circuit past its wait lets one call through
      boolean failedHere = false;
      for (int retry = 0; retry <= rules.retries(); retry++) {
        long remaining = deadline - clock.millis();
        if (remaining <= 0 || !gate.admit()) break;
        long started = System.nanoTime();
        try {
          Duration limit =
              Duration.ofMillis(Math.min(remaining, gate.settings().timeout().toMillis()));
          R result = attempt.apply(gate.provider(), limit);
          long nanos = System.nanoTime() - started;
          double price = cost.apply(gate.provider(), result);
          gate.succeeded(nanos, price);
          record(gate, "success", null, nanos, price);
          return new Routed<>(result, gate.provider().id(), failed, price, nanos / 1_000_000);
        } catch (ProviderFailure failure) {
          long nanos = System.nanoTime() - started;
          gate.failed(nanos, failure);
          record(gate, "failure", failure, nanos, 0);
          last = failure;
          failedHere = true;
          if (!failure.allowsFallback()) throw failure;
          if (!failure.isTransient()
              || retry == rules.retries()
              || !waitBeforeRetry(gate, failure, retry, deadline)) break;
        }
      }
      if (failedHere) {
        failed.add(gate.provider().id());
        gate.fellBack();
        meters
            .counter(
                "storyvault.ai.fallbacks",
                "modality",
                modality.wireName(),
                "provider",
                gate.provider().id())
            .increment();
      }
    }
    throw new NoProviderLeft(modality, last, failed);
  }

  /**
   * Sleeps before retrying the same provider; false when the wait would not fit (then fall back).
   */
  private boolean waitBeforeRetry(
      ProviderGate<P> gate, ProviderFailure failure, int retry, long deadline) {
    long base = rules.backoff().toMillis() << retry;
    long wait =
        failure.retryAfter() != null
            ? failure.retryAfter().toMillis()
            : base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    if (failure.retryAfter() != null && wait > rules.maxRetryWait().toMillis()) return false;
    if (clock.millis() + wait >= deadline) return false;
    if (gate.coolingDown() && failure.retryAfter() == null) return false;
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void record(
      ProviderGate<P> gate, String outcome, ProviderFailure failure, long nanos, double cost) {
    String id = gate.provider().id();
    meters
        .counter(
            "storyvault.ai.calls",
            "modality",
            modality.wireName(),
            "provider",
            id,
            "outcome",
            outcome)
        .increment();
    if (failure != null) {
      meters
          .counter(
              "storyvault.ai.failures",
              "modality",
              modality.wireName(),
              "provider",
              id,
              "reason",
              failure.reason().wireName())
          .increment();
    }
    Timer.builder("storyvault.ai.latency")
        .tags("modality", modality.wireName(), "provider", id)
        .publishPercentileHistogram()
        .register(meters)
        .record(Duration.ofNanos(nanos));
    if (cost > 0)
      meters
          .counter("storyvault.ai.cost", "modality", modality.wireName(), "provider", id)
          .increment(cost);
  }

  /** Each provider's state and last five minutes, by id, in routing order of priority. */
  public Map<String, ProviderHealth> health() {
    return gates.stream()
        .sorted(java.util.Comparator.comparingInt(g -> g.settings().priority()))
        .collect(
            Collectors.toMap(
                g -> g.provider().id(),
                ProviderHealth::of,
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  List<ProviderGate<P>> gates() {
    return gates;
  }

  /** The providers by id (for probes). */
  public List<P> providers() {
    return gates.stream().map(ProviderGate::provider).toList();
  }

  public boolean anyAvailable() {
    return gates.stream().anyMatch(g -> g.state() == ProviderGate.State.AVAILABLE);
  }

  /** Routing weights by provider id. */
  public Map<String, Double> weights() {
    return gates.stream()
        .collect(
            Collectors.toMap(
                g -> g.provider().id(),
                ProviderGate::weight,
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  public void weight(String providerId, double weight) {
    gates.stream().filter(g -> g.provider().id().equals(providerId)).forEach(g -> g.weight(weight));
  }

  public void quality(String providerId, double quality) {
    gates.stream()
        .filter(g -> g.provider().id().equals(providerId))
        .forEach(g -> g.quality(quality));
  }
}
