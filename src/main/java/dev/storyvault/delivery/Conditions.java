package dev.storyvault.delivery;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/** The conditional headers of RFC 9110 §13, evaluated against one representation. */
final class Conditions {

  private Conditions() {}

  /** If-Match that no current representation satisfies: answer 412. */
  static boolean failsIfMatch(HttpServletRequest request, Representation rep) {
    String ifMatch = request.getHeader("If-Match");
    return ifMatch != null && !matches(ifMatch, rep.etag(), true);
  }

  /**
   * The client's copy is current: answer 304. If-None-Match, when sent, overrides
   * If-Modified-Since.
   */
  static boolean notModified(HttpServletRequest request, Representation rep) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) return matches(ifNoneMatch, rep.etag(), false);
    long since = dateHeader(request, "If-Modified-Since");
    return since >= 0 && seconds(rep.lastModified()) <= since / 1000;
  }

  /**
   * A Range request may be served as ranges only when If-Range (if any) still names this
   * representation.
   */
  static boolean rangeStillValid(HttpServletRequest request, Representation rep) {
    String ifRange = request.getHeader("If-Range");
    if (ifRange == null) return true;
    String value = ifRange.trim();
    if (value.startsWith("\"") || value.startsWith("W/")) return value.equals(rep.etag());
    long date = dateHeader(request, "If-Range");
    return date >= 0 && seconds(rep.lastModified()) == date / 1000;
  }

  private static boolean matches(String header, String etag, boolean strong) {
    String bare = etag;
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) return true;
      if (!strong && tag.startsWith("W/")) tag = tag.substring(2);
      if (tag.equals(bare)) return true;
    }
    return false;
  }

  private static long dateHeader(HttpServletRequest request, String name) {
    try {
      return request.getDateHeader(name);
    } catch (IllegalArgumentException malformed) {
      return -1;
    }
  }

  private static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }
}
