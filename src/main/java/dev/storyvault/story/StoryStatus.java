package dev.storyvault.story;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.storyvault.platform.ApiProblem;
import java.util.Locale;

public enum StoryStatus {
  DRAFT,
  GENERATING,
  COMPLETED,
  ARCHIVED;

  static StoryStatus parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          "invalid-status",
          "Unknown status '" + value + "': use draft, generating, completed or archived.");
    }
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
