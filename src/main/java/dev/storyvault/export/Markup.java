package dev.storyvault.export;

/**
 * Story text into XHTML/HTML: every markup character escaped, and characters XML cannot carry
 * dropped, so that no story text can add an element, an attribute or a fetch.
 */
final class Markup {

  private Markup() {}

  static String escape(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  if (allowedInXml(c)) out.appendCodePoint(c);
                }
              }
            });
    return out.toString();
  }

  /** Paragraphs (blank-line or newline separated) as escaped {@code <p>} elements. */
  static String paragraphs(String text) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : (text == null ? "" : text).split("\\R+")) {
      if (!paragraph.isBlank())
        out.append("<p>").append(escape(paragraph.strip())).append("</p>\n");
    }
    return out.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
