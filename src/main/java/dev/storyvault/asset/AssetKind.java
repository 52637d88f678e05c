package dev.storyvault.asset;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.storyvault.platform.ApiProblem;
import java.util.Locale;

/** What an asset is for; each kind accepts its own formats and has its own size limit. */
public enum AssetKind {
  IMAGE,
  AUDIO,
  VIDEO,
  DATA;

  public static AssetKind parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          "invalid-kind", "Unknown kind '" + value + "': use image, audio, video or data.");
    }
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
