package dev.storyvault.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.ClientAddresses;
import dev.storyvault.platform.ProblemWriter;
import dev.storyvault.platform.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller from {@code Authorization: Bearer …}. No header means anonymous (each
 * endpoint then decides); a header that does not authenticate is always a 401, so a typo never
 * silently downgrades a client to anonymous.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerAuthentication extends RequestFilter {

  static final String CALLER = BearerAuthentication.class.getName() + ".caller";

  private final ApiKeys keys;
  private final AccessTokens tokens;
  private final AuditLog audit;
  private final ProblemWriter problems;
  private final ClientAddresses addresses;
  private final OidcTokens oidc;
  private final Cache<String, Boolean> recentlyAudited =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(100_000).build();

  BearerAuthentication(
      ApiKeys keys,
      AccessTokens tokens,
      AuditLog audit,
      ProblemWriter problems,
      ClientAddresses addresses,
      OidcTokens oidc) {
    this.addresses = addresses;
    this.oidc = oidc;
    this.keys = keys;
    this.tokens = tokens;
    this.audit = audit;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Optional<Caller> caller = header == null ? Optional.of(Caller.ANONYMOUS) : authenticate(header);
    if (caller.isEmpty()) {
      String address = addresses.of(request);
      // why: one audit row per address per ten seconds, so a flood of bad tokens cannot flood the
      // database
      if (recentlyAudited.asMap().putIfAbsent(address, Boolean.TRUE) == null) {
        audit.record(
            null,
            "auth.bearer-rejected",
            request.getMethod() + " " + request.getRequestURI(),
            address);
      }
      problems.write(
          response,
          ApiProblem.unauthorized(
              "The bearer credential is unknown, expired, revoked or malformed."));
      return;
    }
    if (isOperatorEndpoint(request) && !caller.get().isAdmin()) {
      problems.write(
          response,
          caller.get().isAnonymous()
              ? ApiProblem.unauthorized("Metrics and management endpoints need an admin key.")
              : ApiProblem.notFound("endpoint"));
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }

  private Optional<Caller> authenticate(String header) {
    if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7))
      return Optional.empty();
    String token = header.substring(7).trim();
    if (token.isEmpty() || token.length() > 8192) return Optional.empty();
    if (AccessTokens.looksLikeToken(token)) return tokens.authenticate(token);
    if (oidc.accepts(token)) return oidc.authenticate(token);
    return keys.authenticate(token);
  }

  /** Actuator endpoints other than health are for operators only. */
  private static boolean isOperatorEndpoint(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/actuator") && !path.startsWith("/actuator/health");
  }
}
