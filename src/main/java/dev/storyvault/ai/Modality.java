package dev.storyvault.ai;

import java.util.Locale;

/** What a provider makes: text, an image, or speech. */
public enum Modality {
  TEXT,
  IMAGE,
  SPEECH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Modality parse(String value) {
    for (Modality m : values()) if (m.wireName().equals(value)) return m;
    throw new IllegalArgumentException("modality is text, image or speech");
  }
}
