package dev.storyvault.ai.openai;

import dev.storyvault.ai.ProviderFailure;
import dev.storyvault.ai.ProviderFailure.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange with a provider, within a time limit that covers the whole body (a body that
 * stalls is cut off when the time is up) and a size limit (a body that never ends is cut off
 * there). Failures become {@link ProviderFailure}s that name the status and the operation, never
 * the key or the body.
 */
final class HttpCall {

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("ai-http-watchdog").daemon().factory());

  /** The open response body; closing it ends the exchange. */
  interface Body extends AutoCloseable {
    InputStream stream();

    /** True once the time limit cut the body off. */
    boolean timedOut();

    @Override
    void close();
  }

  private final HttpClient client;
  private final String apiKey;

  HttpCall(HttpClient client, String apiKey) {
    this.client = client;
    this.apiKey = apiKey;
  }

  Body send(String operation, HttpRequest.Builder request, Duration timeout, long maxBytes) {
    if (apiKey != null && !apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
    HttpResponse<InputStream> response;
    try {
      response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new ProviderFailure(
          Reason.TIMEOUT, operation + " timed out after " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      throw new ProviderFailure(Reason.CONNECTION, operation + ": cannot connect");
    } catch (IOException e) {
      throw new ProviderFailure(
          Reason.CONNECTION,
          operation + ": connection failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure(Reason.TIMEOUT, operation + " interrupted");
    }
    InputStream in = response.body();
    if (response.statusCode() >= 300) {
      close(in);
      throw statusFailure(operation, response);
    }
    AtomicBoolean cut = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(
            () -> {
              cut.set(true);
              close(in);
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    InputStream limited = new LimitedStream(in, maxBytes, operation);
    return new Body() {
      @Override
      public InputStream stream() {
        return limited;
      }

      @Override
      public boolean timedOut() {
        return cut.get();
      }

      @Override
      public void close() {
        watchdog.cancel(false);
        HttpCall.close(in);
      }
    };
  }

  /** What a failed read of a body means: the time limit cut it, or the connection broke. */
  static ProviderFailure readFailure(String operation, Body body, IOException e) {
    if (body.timedOut())
      return new ProviderFailure(
          Reason.TIMEOUT, operation + ": the answer stalled past the time limit");
    if (e instanceof LimitedStream.TooLarge)
      return new ProviderFailure(Reason.TOO_LARGE, e.getMessage());
    return new ProviderFailure(
        Reason.CONNECTION,
        operation + ": the answer broke off (" + e.getClass().getSimpleName() + ")");
  }

  private static ProviderFailure statusFailure(String operation, HttpResponse<?> response) {
    int status = response.statusCode();
    String what = operation + " answered HTTP " + status;
    Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
    if (status == 429) return new ProviderFailure(Reason.RATE_LIMITED, what, retryAfter);
    if (status == 408) return new ProviderFailure(Reason.TIMEOUT, what);
    if (status >= 500) return new ProviderFailure(Reason.SERVER_ERROR, what, retryAfter);
    // why not REJECTED: a wrong key or a missing model is the provider's configuration, not the
    // request's fault
    if (status == 401 || status == 403 || status == 404)
      return new ProviderFailure(Reason.UNAVAILABLE, what);
    return new ProviderFailure(Reason.REJECTED, what);
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) return null;
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.ofMillis(
            Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis()));
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }

  static URI uri(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return URI.create(base + path);
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // why: closing is how the exchange is abandoned; a failure to close changes nothing
    }
  }
}
