package dev.storyvault.image;

import java.util.Locale;
import java.util.Optional;

/** Output formats a processor may write. */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp"),
  AVIF("image/avif", "avif");

  private final String mimeType;
  private final String extension;

  ImageFormat(String mimeType, String extension) {
    this.mimeType = mimeType;
    this.extension = extension;
  }

  public String mimeType() {
    return mimeType;
  }

  public String extension() {
    return extension;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts "jpeg", "jpg", "png", "webp", "avif" in any case; empty for anything else. */
  public static Optional<ImageFormat> parse(String value) {
    if (value == null) return java.util.Optional.empty();
    String name = value.toLowerCase(Locale.ROOT);
    for (ImageFormat format : values()) {
      if (format.wireName().equals(name) || format.extension.equals(name))
        return java.util.Optional.of(format);
    }
    return java.util.Optional.empty();
  }
}
