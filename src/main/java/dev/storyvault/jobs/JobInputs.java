package dev.storyvault.jobs;

import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Checks a job's input before it is accepted: a bad input is refused at once, naming the field. */
final class JobInputs {

  /** {@code noop} does nothing and completes: it measures the queue itself (bench/jobs). */
  static final Set<String> TYPES =
      Set.of("story.generate", "story.continue", "page.illustrate", "page.narrate", "noop");

  /** Made by the sessions API only (it checks the session), never accepted from POST /api/jobs. */
  static final String SESSION_TURN = "session.turn";

  private JobInputs() {}

  static void check(String type, Map<String, Object> input) {
    if (!TYPES.contains(type)) throw invalid("type", "type is one of " + TYPES + ".");
    if (type.equals("noop")) return;
    if (type.startsWith("page.")) {
      if (!(input.get("story_id") instanceof String id) || !id.matches("[A-Za-z0-9_-]{1,64}")) {
        throw invalid("input.story_id", "story_id names the story whose page to redo.");
      }
      whole(input, "page", 1, 10_000);
      if (input.get("page") == null)
        throw invalid("input.page", "page is the number of the page to redo.");
      return;
    }
    if (type.equals("story.continue")) {
      checkContinuation(input);
      return;
    }
    List<String> characters = strings(input, "characters");
    if (characters.isEmpty() || characters.size() > 12)
      throw invalid("input.characters", "1 to 12 character names.");
    strings(input, "universes");
    whole(input, "pages", 1, 20);
    whole(input, "width", 64, 2048);
    whole(input, "height", 64, 2048);
    for (String field : List.of("title", "theme", "moral_lesson", "age_group", "voice")) {
      Object v = input.get(field);
      if (v != null && !(v instanceof String s && s.length() <= 300))
        throw invalid("input." + field, field + " is a string of at most 300 characters.");
    }
    for (String field : List.of("illustrate", "narrate")) {
      if (input.get(field) != null && !(input.get(field) instanceof Boolean))
        throw invalid("input." + field, field + " is true or false.");
    }
    if (input.get("seed") != null && !(input.get("seed") instanceof Number))
      throw invalid("input.seed", "seed is a number.");
  }

  private static void checkContinuation(Map<String, Object> input) {
    if (!(input.get("story_id") instanceof String id) || !id.matches("[A-Za-z0-9_-]{1,64}")) {
      throw invalid("input.story_id", "story_id names the story to continue.");
    }
    Object wish = input.get("continuation");
    if (wish != null && !(wish instanceof String s && s.length() <= 2000)) {
      throw invalid(
          "input.continuation", "continuation is what happens next, at most 2,000 characters.");
    }
    whole(input, "pages", 1, 3);
    for (String field : List.of("illustrate", "narrate")) {
      if (input.get(field) != null && !(input.get(field) instanceof Boolean))
        throw invalid("input." + field, field + " is true or false.");
    }
  }

  static List<String> strings(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null) return List.of();
    if (!(value instanceof List<?> list)
        || !list.stream()
            .allMatch(v -> v instanceof String s && !s.isBlank() && s.length() <= 80)) {
      throw invalid("input." + field, field + " is a list of names (1-80 characters each).");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static void whole(Map<String, Object> input, String field, int min, int max) {
    Object v = input.get(field);
    if (v != null && !(v instanceof Integer n && n >= min && n <= max)) {
      throw invalid(
          "input." + field, field + " is a whole number from " + min + " to " + max + ".");
    }
  }

  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-job",
        "Invalid job",
        detail,
        HttpHeaders.EMPTY,
        Map.of("field", field));
  }
}
