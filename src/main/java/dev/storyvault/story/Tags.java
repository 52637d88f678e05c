package dev.storyvault.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tags and categories compare as lowercase words joined by hyphens: "Space Pirates " is
 * "space-pirates".
 */
final class Tags {

  static final int MAX_LENGTH = 50;
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");
  private static final Pattern OTHERS = Pattern.compile("[^\\p{L}\\p{N}-]");
  private static final Pattern REPEATED_HYPHENS = Pattern.compile("-{2,}");
  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

  private Tags() {}

  static String normalize(String raw, String field) {
    String tag =
        alreadyNormal(raw)
            ? raw
            : EDGE_HYPHENS
                .matcher(
                    REPEATED_HYPHENS
                        .matcher(
                            OTHERS
                                .matcher(
                                    SEPARATORS
                                        .matcher(
                                            Normalizer.normalize(raw, Normalizer.Form.NFKC)
                                                .strip()
                                                .toLowerCase(Locale.ROOT))
                                        .replaceAll("-"))
                                .replaceAll(""))
                        .replaceAll("-"))
                .replaceAll("");
    if (tag.isEmpty())
      throw StoryValidator.invalid(
          field, "'" + raw + "' is not a usable tag: use letters and digits.");
    if (tag.length() > MAX_LENGTH)
      throw StoryValidator.invalid(field, "A tag has at most " + MAX_LENGTH + " characters.");
    return tag;
  }

  /**
   * why a fast path: every stored story is validated again when read, listings read twenty at a
   * time, and the normalizing regexes were a tenth of a search's CPU; stored tags are already in
   * normal form.
   */
  private static boolean alreadyNormal(String s) {
    if (s.isEmpty()
        || s.length() > MAX_LENGTH
        || s.charAt(0) == '-'
        || s.charAt(s.length() - 1) == '-') return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && s.charAt(i - 1) != '-';
      if (!ok) return false;
    }
    return true;
  }
}
