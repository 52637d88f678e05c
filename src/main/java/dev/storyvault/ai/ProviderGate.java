package dev.storyvault.ai;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What stands between the router and one provider: its circuit breaker (time-based window), its
 * bulkhead (at most {@code maxConcurrent} calls at once), its cooldown, its routing weight and
 * quality, and the record of its calls.
 */
final class ProviderGate<P extends AiProvider> {

  enum State {
    AVAILABLE,
    COOLING_DOWN,
    CIRCUIT_OPEN,
    UNCONFIGURED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final P provider;
  private final RouterSettings rules;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final Semaphore bulkhead;
  private final CallStats stats;
  private volatile long coolingUntil;
  private volatile double weight;
  private volatile double quality = 0.6;

  ProviderGate(P provider, RouterSettings rules, Clock clock) {
    this.provider = provider;
    this.rules = rules;
    this.clock = clock;
    this.weight = provider.settings().weight();
    this.bulkhead = new Semaphore(Math.max(1, provider.settings().maxConcurrent()));
    this.stats = new CallStats(clock);
    this.breaker =
        CircuitBreaker.of(
            provider.id(),
            CircuitBreakerConfig.custom()
                // why these: model calls are few and slow; the library's defaults (100 calls) would
                // never open
                .slidingWindow(
                    (int) Math.max(1, rules.breakerWindow().toSeconds()),
                    5,
                    CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(rules.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
  }

  P provider() {
    return provider;
  }

  ProviderSettings settings() {
    return provider.settings();
  }

  State state() {
    if (!provider.available()) return State.UNCONFIGURED;
    if (breaker.getState() == CircuitBreaker.State.OPEN) return State.CIRCUIT_OPEN;
    if (clock.millis() < coolingUntil) return State.COOLING_DOWN;
    return State.AVAILABLE;
  }

  /**
   * Worth trying: installed and not sitting out; the breaker decides the rest in {@link #admit()}.
   */
  boolean eligible() {
    return provider.available() && !coolingDown();
  }

  boolean coolingDown() {
    return clock.millis() < coolingUntil;
  }

  /** A slot in the bulkhead and the breaker's permission, or false (then nothing is held). */
  boolean admit() {
    if (!bulkhead.tryAcquire()) return false;
    if (breaker.tryAcquirePermission()) return true;
    bulkhead.release();
    return false;
  }

  void succeeded(long nanos, double cost) {
    bulkhead.release();
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    stats.succeeded(TimeUnit.NANOSECONDS.toMillis(nanos), cost);
  }

  void failed(long nanos, ProviderFailure failure) {
    bulkhead.release();
    if (failure.reason() == ProviderFailure.Reason.REJECTED) {
      breaker.releasePermission(); // why: the request was at fault, not the provider
      return;
    }
    breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    stats.failed(TimeUnit.NANOSECONDS.toMillis(nanos), failure);
    int[] minute = stats.lastMinute();
    boolean failing =
        stats.consecutiveFailures() >= rules.cooldownAfterFailures()
            || (minute[0] >= 5 && minute[1] * 2 >= minute[0]);
    Duration asked = failure.retryAfter();
    if (failing || asked != null) {
      long sitOut =
          Math.max(failing ? rules.cooldown().toMillis() : 0, asked == null ? 0 : asked.toMillis());
      coolingUntil = Math.max(coolingUntil, clock.millis() + sitOut);
    }
  }

  void fellBack() {
    stats.fellBack();
  }

  long medianLatency() {
    Long p50 = stats.snapshot().p50Ms();
    return p50 == null ? Long.MIN_VALUE : p50;
  }

  double weight() {
    return weight;
  }

  void weight(double value) {
    weight = value;
  }

  double quality() {
    return quality;
  }

  /** Mean rating mapped to 0..1 (3 of 5 is 0.5). */
  void quality(double value) {
    quality = value;
  }

  /**
   * Quality minus normalized cost and latency (each against the most expensive / slowest peer),
   * times weight.
   */
  double balanceScore(Modality modality, List<? extends ProviderGate<?>> peers) {
    double maxPrice =
        peers.stream().mapToDouble(g -> g.settings().unitPrice(modality)).max().orElse(0);
    long maxLatency = peers.stream().mapToLong(g -> Math.max(0, g.medianLatency())).max().orElse(0);
    double price = maxPrice <= 0 ? 0 : settings().unitPrice(modality) / maxPrice;
    double latency = maxLatency <= 0 ? 0 : Math.max(0, medianLatency()) / (double) maxLatency;
    return (quality - 0.3 * price - 0.2 * latency) * Math.max(0.0001, weight);
  }

  CallStats.Snapshot stats() {
    return stats.snapshot();
  }
}
