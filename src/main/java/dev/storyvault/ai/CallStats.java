package dev.storyvault.ai;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One provider's calls over the last five minutes: outcomes, latencies, cost, the last error. */
final class CallStats {

  private static final long WINDOW_MILLIS = 5 * 60_000;
  private static final long MINUTE_MILLIS = 60_000;

  record Sample(long at, long latencyMs, boolean ok, double cost) {}

  private final Clock clock;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private int consecutiveFailures;
  private long fallbacks;
  private String lastError;
  private long lastErrorAt;

  CallStats(Clock clock) {
    this.clock = clock;
  }

  synchronized void succeeded(long latencyMs, double cost) {
    add(new Sample(clock.millis(), latencyMs, true, cost));
    consecutiveFailures = 0;
  }

  synchronized void failed(long latencyMs, ProviderFailure failure) {
    add(new Sample(clock.millis(), latencyMs, false, 0));
    consecutiveFailures++;
    lastError = failure.reason().wireName() + ": " + failure.getMessage();
    lastErrorAt = clock.millis();
  }

  synchronized void fellBack() {
    fallbacks++;
  }

  synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Calls and failures in the last minute. */
  synchronized int[] lastMinute() {
    prune();
    long since = clock.millis() - MINUTE_MILLIS;
    int calls = 0;
    int failures = 0;
    for (Sample s : samples) {
      if (s.at() < since) continue;
      calls++;
      if (!s.ok()) failures++;
    }
    return new int[] {calls, failures};
  }

  synchronized Snapshot snapshot() {
    prune();
    List<Long> latencies =
        samples.stream().filter(Sample::ok).map(Sample::latencyMs).sorted().toList();
    long ok = samples.stream().filter(Sample::ok).count();
    double cost = samples.stream().mapToDouble(Sample::cost).sum();
    return new Snapshot(
        samples.size(),
        samples.isEmpty() ? null : (double) ok / samples.size(),
        percentile(latencies, 0.50),
        percentile(latencies, 0.95),
        cost,
        fallbacks,
        lastError,
        lastErrorAt == 0 ? null : java.time.Instant.ofEpochMilli(lastErrorAt));
  }

  /** What health reports: over the last five minutes. */
  record Snapshot(
      int calls,
      Double successRate,
      Long p50Ms,
      Long p95Ms,
      double cost,
      long fallbacks,
      String lastError,
      java.time.Instant lastErrorAt) {}

  private void add(Sample sample) {
    samples.addLast(sample);
    prune();
  }

  private void prune() {
    long since = clock.millis() - WINDOW_MILLIS;
    while (!samples.isEmpty() && samples.peekFirst().at() < since) samples.removeFirst();
  }

  private static Long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) return null;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
