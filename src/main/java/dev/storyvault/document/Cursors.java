package dev.storyvault.document;

import dev.storyvault.platform.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the position where a page ended (a kind, a sort value, an id, …) as URL-safe
 * text. Parts may hold any characters. A cursor a caller made up answers 400 {@code
 * invalid-cursor}.
 */
public final class Cursors {

  private static final int MAX_LENGTH = 4096;

  private Cursors() {}

  public static String encode(List<String> parts) {
    StringBuilder raw = new StringBuilder();
    for (String part : parts) raw.append(part.length()).append(':').append(part);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static List<String> decode(String cursor) {
    if (cursor.length() > MAX_LENGTH) throw invalid();
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = new ArrayList<>();
      for (int at = 0; at < raw.length(); ) {
        int colon = raw.indexOf(':', at);
        int length = Integer.parseInt(raw.substring(at, colon));
        parts.add(raw.substring(colon + 1, colon + 1 + length));
        at = colon + 1 + length;
      }
      return parts;
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  public static ApiProblem invalid() {
    return ApiProblem.badRequest("invalid-cursor", "The cursor is not one this server returned.");
  }
}
