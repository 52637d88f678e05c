package dev.storyvault.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An inclusive byte range {@code first..last}, and the parsing of a {@code Range} header (RFC 9110
 * §14).
 */
record ByteRange(long first, long last) {

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** Why a Range header was not served as asked. */
  enum Outcome {
    IGNORE,
    TOO_MANY,
    UNSATISFIABLE
  }

  record Parsed(List<ByteRange> ranges, Outcome failure) {}

  /**
   * Parses {@code bytes=…} against a representation of {@code size} bytes. A header we cannot read
   * is ignored (the full body is served, as RFC 9110 allows); overlapping ranges are merged so that
   * a client cannot make us send the same bytes many times.
   */
  static Parsed parse(String header, long size, int maxRanges) {
    if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6))
      return failed(Outcome.IGNORE);
    String[] specs = header.substring(6).split(",", maxRanges + 2);
    if (specs.length > maxRanges) return failed(Outcome.TOO_MANY);
    List<ByteRange> ranges = new ArrayList<>(specs.length);
    for (String spec : specs) {
      Optional<Optional<ByteRange>> parsed = parseOne(spec.trim(), size);
      if (parsed.isEmpty()) return failed(Outcome.IGNORE);
      parsed.get().ifPresent(ranges::add);
    }
    if (ranges.isEmpty()) return failed(Outcome.UNSATISFIABLE);
    return new Parsed(coalesce(ranges), null);
  }

  /** Empty outer: malformed. Empty inner: well-formed but outside the representation. */
  private static Optional<Optional<ByteRange>> parseOne(String spec, long size) {
    int dash = spec.indexOf('-');
    if (dash < 0) return Optional.empty();
    String from = spec.substring(0, dash).trim();
    String to = spec.substring(dash + 1).trim();
    if (!digits(from) && !from.isEmpty()
        || !digits(to) && !to.isEmpty()
        || from.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    if (from.isEmpty()) {
      long suffix = parse(to);
      if (suffix == 0 || size == 0) return Optional.of(Optional.empty());
      return Optional.of(Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1)));
    }
    long first = parse(from);
    long last = to.isEmpty() ? size - 1 : Math.min(parse(to), size - 1);
    if (!to.isEmpty() && parse(to) < first) return Optional.empty();
    if (first >= size) return Optional.of(Optional.empty());
    return Optional.of(Optional.of(new ByteRange(first, last)));
  }

  private static List<ByteRange> coalesce(List<ByteRange> ranges) {
    if (ranges.size() == 1) return ranges;
    boolean overlapping = false;
    List<ByteRange> sorted =
        ranges.stream().sorted(Comparator.comparingLong(ByteRange::first)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).first() <= sorted.get(i - 1).last()) overlapping = true;
    }
    if (!overlapping) return ranges;
    List<ByteRange> merged = new ArrayList<>();
    for (ByteRange range : sorted) {
      ByteRange previous = merged.isEmpty() ? null : merged.getLast();
      if (previous != null && range.first() <= previous.last() + 1) {
        merged.set(
            merged.size() - 1,
            new ByteRange(previous.first(), Math.max(previous.last(), range.last())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 18) return false;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }

  private static long parse(String digits) {
    return Long.parseLong(digits);
  }

  private static Parsed failed(Outcome outcome) {
    return new Parsed(List.of(), outcome);
  }
}
