package dev.storyvault.ai;

import java.time.Duration;

/**
 * The router's rules. A transient failure is retried on the same provider up to {@code retries}
 * times with jittered exponential backoff from {@code backoff} (or the provider's Retry-After when
 * it fits within {@code maxRetryWait}); then the next provider is tried. A provider that failed
 * {@code cooldownAfterFailures} times in a row, or at least half of at least 5 calls in the last
 * minute, sits out {@code cooldown} (or its Retry-After). The circuit breaker opens at a 50%
 * failure rate over at least 5 calls within {@code breakerWindow}, and lets one call through after
 * {@code breakerOpenFor}.
 */
public record RouterSettings(
    RoutingStrategy strategy,
    Duration deadline,
    int retries,
    Duration backoff,
    Duration maxRetryWait,
    int cooldownAfterFailures,
    Duration cooldown,
    Duration breakerWindow,
    Duration breakerOpenFor) {

  public static RouterSettings defaults(RoutingStrategy strategy) {
    return new RouterSettings(
        strategy,
        Duration.ofSeconds(120),
        1,
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        3,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  public RouterSettings withStrategy(RoutingStrategy other) {
    return new RouterSettings(
        other,
        deadline,
        retries,
        backoff,
        maxRetryWait,
        cooldownAfterFailures,
        cooldown,
        breakerWindow,
        breakerOpenFor);
  }

  public RouterSettings withDeadline(Duration other) {
    return new RouterSettings(
        strategy,
        other,
        retries,
        backoff,
        maxRetryWait,
        cooldownAfterFailures,
        cooldown,
        breakerWindow,
        breakerOpenFor);
  }

  public RouterSettings withBackoff(Duration other) {
    return new RouterSettings(
        strategy,
        deadline,
        retries,
        other,
        maxRetryWait,
        cooldownAfterFailures,
        cooldown,
        breakerWindow,
        breakerOpenFor);
  }

  public RouterSettings withCooldown(int afterFailures, Duration period) {
    return new RouterSettings(
        strategy,
        deadline,
        retries,
        backoff,
        maxRetryWait,
        afterFailures,
        period,
        breakerWindow,
        breakerOpenFor);
  }

  public RouterSettings withBreaker(Duration window, Duration openFor) {
    return new RouterSettings(
        strategy,
        deadline,
        retries,
        backoff,
        maxRetryWait,
        cooldownAfterFailures,
        cooldown,
        window,
        openFor);
  }

  public RouterSettings withRetries(int count) {
    return new RouterSettings(
        strategy,
        deadline,
        count,
        backoff,
        maxRetryWait,
        cooldownAfterFailures,
        cooldown,
        breakerWindow,
        breakerOpenFor);
  }
}
