package dev.storyvault.asset;

import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.platform.ApiProblem;
import java.util.Map;

/**
 * Parses and names on-the-fly transform parameters; the canonical form is what gets signed and
 * stored.
 */
final class TransformParameters {

  static final int MAX_SIDE = 4096;

  private TransformParameters() {}

  static ImageRequest parse(
      String width, String height, String fit, String format, String quality) {
    int w = number("w", width, 0, MAX_SIDE, 0);
    int h = number("h", height, 0, MAX_SIDE, 0);
    if (w == 0 && h == 0) throw invalid("Give w or h (1-" + MAX_SIDE + ").");
    Fit f =
        fit == null
            ? Fit.CONTAIN
            : Fit.parse(fit).orElseThrow(() -> invalid("fit must be cover, contain or fill."));
    ImageFormat out =
        format == null
            ? ImageFormat.WEBP
            : ImageFormat.parse(format)
                .orElseThrow(() -> invalid("format must be jpeg, png, webp or avif."));
    return new ImageRequest(w, h, f, out, number("q", quality, 1, 100, 80));
  }

  static ImageRequest fromJson(Map<String, Object> body) {
    return parse(
        string(body.get("width")),
        string(body.get("height")),
        string(body.get("fit")),
        string(body.get("format")),
        string(body.get("quality")));
  }

  /**
   * The stored name of a rendering: equal parameters share one blob whether asked by preset or
   * signature.
   */
  static String name(ImageRequest r) {
    return "t:w="
        + r.width()
        + ",h="
        + r.height()
        + ",fit="
        + r.fit().wireName()
        + ",format="
        + r.format().wireName()
        + ",q="
        + r.quality();
  }

  static String canonical(String assetId, int version, ImageRequest r) {
    return assetId + "|" + version + "|" + name(r);
  }

  static String query(int version, ImageRequest r) {
    return "w="
        + r.width()
        + "&h="
        + r.height()
        + "&fit="
        + r.fit().wireName()
        + "&format="
        + r.format().wireName()
        + "&q="
        + r.quality()
        + "&v="
        + version;
  }

  private static int number(String name, String value, int min, int max, int absent) {
    if (value == null || value.isBlank()) return absent;
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) throw invalid(name + " must be between " + min + " and " + max + ".");
      return n;
    } catch (NumberFormatException e) {
      throw invalid(name + " must be a whole number.");
    }
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid-transform", detail);
  }
}
