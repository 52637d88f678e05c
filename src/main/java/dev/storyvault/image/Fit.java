package dev.storyvault.image;

import java.util.Locale;
import java.util.Optional;

/**
 * How an image meets the requested box. Neither ever enlarges the source: a transform never makes
 * more pixels than the upload had.
 */
public enum Fit {
  /** Fill the box, cropping the overflow around the centre. */
  COVER,
  /** Fit inside the box, keeping the aspect ratio. */
  CONTAIN,
  /** Exactly the box, stretching if the aspect ratio differs. */
  FILL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Fit> parse(String value) {
    if (value == null) return Optional.empty();
    for (Fit fit : values()) {
      if (fit.wireName().equals(value.toLowerCase(Locale.ROOT))) return Optional.of(fit);
    }
    return Optional.empty();
  }
}
