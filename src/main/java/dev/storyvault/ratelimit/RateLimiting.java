package dev.storyvault.ratelimit;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.ClientAddresses;
import dev.storyvault.platform.ProblemWriter;
import dev.storyvault.platform.RequestFilter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * One token per request from the caller's bucket for the route group: per person or service account
 * when authenticated, per client address otherwise. Admins are not limited. Over the limit: 429
 * with Retry-After and RateLimit headers.
 */
class RateLimiting extends RequestFilter {

  private final org.springframework.context.ApplicationEventPublisher events;

  private final Buckets buckets;
  private final RateLimitProperties properties;
  private final ClientAddresses addresses;
  private final ProblemWriter problems;

  RateLimiting(
      Buckets buckets,
      RateLimitProperties properties,
      ClientAddresses addresses,
      ProblemWriter problems,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.buckets = buckets;
    this.properties = properties;
    this.addresses = addresses;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !properties.enabled() || !path.startsWith("/api/") || path.startsWith("/api/docs");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = Caller.of(request);
    String group = RouteGroups.of(request);
    RateLimitProperties.Limit limit = properties.groups().get(group);
    if (caller.isAdmin() || limit == null) {
      chain.doFilter(request, response);
      return;
    }
    String who = caller.isAnonymous() ? "ip:" + addresses.of(request) : "user:" + caller.userId();
    Buckets.Verdict verdict = buckets.take(properties.namespace() + ":" + group + ":" + who, limit);
    response.setHeader("RateLimit-Limit", String.valueOf(limit.capacity()));
    response.setHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()));
    if (!verdict.allowed()) {
      events.publishEvent(
          new RequestRateLimited(
              caller.userId(),
              request.getMethod(),
              request.getRequestURI(),
              Math.max(0, request.getContentLengthLong())));
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
      headers.set("RateLimit-Reset", String.valueOf(verdict.retryAfterSeconds()));
      problems.write(
          response,
          new ApiProblem(
              HttpStatus.TOO_MANY_REQUESTS,
              "too-many-requests",
              "Too many requests",
              "The "
                  + group
                  + " limit of "
                  + limit.capacity()
                  + " requests per "
                  + limit.period()
                  + " is used up; retry after "
                  + verdict.retryAfterSeconds()
                  + " s.",
              headers,
              Map.of()));
      return;
    }
    chain.doFilter(request, response);
  }

  static Bandwidth bandwidth(RateLimitProperties.Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillGreedy(limit.capacity(), limit.period())
        .build();
  }

  static Buckets.Verdict verdict(ConsumptionProbe probe) {
    long wait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
    return new Buckets.Verdict(probe.isConsumed(), probe.getRemainingTokens(), Math.max(1, wait));
  }
}
