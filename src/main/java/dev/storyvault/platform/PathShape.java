package dev.storyvault.platform;

/**
 * A route a fast-path filter answers, {@code prefix + one segment + suffix}, matched without a
 * pattern or a regex: these filters look at every request.
 */
public record PathShape(String prefix, String suffix) {

  /** The segment between prefix and suffix, or null when {@code uri} has another shape. */
  public String segment(String uri) {
    if (uri.length() <= prefix.length() + suffix.length()
        || !uri.startsWith(prefix)
        || !uri.endsWith(suffix)) return null;
    String segment = uri.substring(prefix.length(), uri.length() - suffix.length());
    return segment.indexOf('/') >= 0 ? null : segment;
  }

  public boolean matches(String uri) {
    return segment(uri) != null;
  }
}
