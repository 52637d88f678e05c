package dev.storyvault.delivery;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Surrogate keys naming what a response shows ({@code story-<id>}, {@code asset-<id>}), in the
 * header Fastly and Varnish setups read ({@code Surrogate-Key}, space-separated) and the one
 * Cloudflare reads ({@code Cache-Tag}, comma-separated). A purge by key then drops every cached URL
 * that showed it.
 */
public final class CacheTags {

  private CacheTags() {}

  public static void tag(HttpServletResponse response, String... keys) {
    response.setHeader("Surrogate-Key", String.join(" ", keys));
    response.setHeader("Cache-Tag", String.join(",", keys));
  }

  public static String story(String id) {
    return "story-" + id;
  }

  public static String asset(String id) {
    return "asset-" + id;
  }
}
