package dev.storyvault.ai;

import java.time.Duration;

/**
 * Why a provider call failed, in terms the router decides on. Transient reasons are retried on the
 * same provider, then another is tried; {@link Reason#REJECTED} (a 4xx the request itself caused)
 * is neither. The message never holds a key or a provider's body.
 */
public final class ProviderFailure extends RuntimeException {

  public enum Reason {
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    CONNECTION(true),
    MALFORMED(false),
    TOO_LARGE(false),
    UNAVAILABLE(false),
    REJECTED(false);

    final boolean transientFault;

    Reason(boolean transientFault) {
      this.transientFault = transientFault;
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Reason reason;
  private final Duration retryAfter;

  public ProviderFailure(Reason reason, String message) {
    this(reason, message, null);
  }

  public ProviderFailure(Reason reason, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  /** What the provider asked for (429/503 Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean isTransient() {
    return reason.transientFault;
  }

  /**
   * Whether another provider may be tried: everything but a request the provider rightly refused.
   */
  public boolean allowsFallback() {
    return reason != Reason.REJECTED;
  }
}
