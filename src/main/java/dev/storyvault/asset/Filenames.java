package dev.storyvault.asset;

import java.text.Normalizer;

/**
 * Client filenames are kept only as a label for downloads: reduced to their last segment,
 * NFC-normalised, stripped of control and reserved characters. They never name anything on disk or
 * in a bucket.
 */
final class Filenames {

  private static final int MAX_LENGTH = 200;

  private Filenames() {}

  static String sanitize(String given, MediaFormat format) {
    String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || "<>:\"|?*".indexOf(c) >= 0
                  || Character.getType(c) == Character.FORMAT) {
                clean.append('_');
              } else {
                clean.appendCodePoint(c);
              }
            });
    String result = clean.toString().strip().replaceAll("^[.\\s]+", "");
    if (result.length() > MAX_LENGTH) result = result.substring(result.length() - MAX_LENGTH);
    return result.isEmpty() ? "asset." + format.extension() : result;
  }

  /** The name without its extension ("cat.png" -> "cat"), for naming derived files. */
  static String stem(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot > 0 ? filename.substring(0, dot) : filename;
  }
}
