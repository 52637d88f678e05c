package dev.storyvault.delivery;

import dev.storyvault.platform.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Every API response is {@code private, no-store} unless its handler says otherwise: nothing that
 * varies by caller can land in a shared cache by accident. Handlers that serve shareable
 * representations (public content, public stories read anonymously) set their own policy, which
 * replaces this default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CachePolicyFilter extends RequestFilter {

  static final String DEFAULT = "private, no-store";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, DEFAULT);
    chain.doFilter(request, new OnePolicy(response));
  }

  /**
   * why: Spring writes ResponseEntity headers with addHeader, which would append a second
   * Cache-Control.
   */
  private static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) setHeader(name, value);
      else super.addHeader(name, value);
    }
  }
}
