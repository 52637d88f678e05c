package dev.storyvault.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Scope {
  READ,
  WRITE,
  ADMIN;

  @JsonCreator
  public static Scope parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw dev.storyvault.platform.ApiProblem.badRequest(
          "invalid-scope", "Unknown scope '" + value + "': use read, write or admin.");
    }
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
