package dev.storyvault.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/** Which bucket a request draws from: logins and sign-ups, writes, or reads. */
final class RouteGroups {

  private RouteGroups() {}

  static String of(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path.startsWith("/api/auth/") || path.equals("/api/users")) return "auth";
    return switch (request.getMethod()) {
      case "GET", "HEAD", "OPTIONS" -> "read";
      default -> "write";
    };
  }
}
