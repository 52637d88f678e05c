package dev.storyvault.continuity;

/**
 * One continuity problem: its type ({@code name_drift}, {@code personality_contradiction}, {@code
 * timeline_error}, {@code setting_mismatch}, {@code new_character}), severity ({@code error} or
 * {@code warning}), what is wrong, where (page and character offsets in that page's text), and a
 * fix.
 */
public record ContinuityIssue(
    String type,
    String severity,
    String description,
    int page,
    int start,
    int end,
    String suggestion) {

  public boolean isError() {
    return severity.equals("error");
  }
}
