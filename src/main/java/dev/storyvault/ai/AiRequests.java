package dev.storyvault.ai;

import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns request bodies into provider requests, refusing (400, naming the field) what is over the
 * limits.
 */
final class AiRequests {

  private final AiProperties.Limits limits;

  AiRequests(AiProperties.Limits limits) {
    this.limits = limits;
  }

  TextRequest text(Map<String, Object> body) {
    List<TextRequest.Message> messages = new ArrayList<>();
    if (body.get("prompt") != null)
      messages.add(
          new TextRequest.Message("user", string(body, "prompt", limits.maxPromptCharacters())));
    if (body.get("messages") instanceof List<?> list) {
      if (list.size() > 64) throw invalid("messages", "At most 64 messages.");
      for (Object m : list) {
        if (!(m instanceof Map<?, ?> message)
            || !(message.get("content") instanceof String content)) {
          throw invalid("messages", "Each message is an object with a role and a content string.");
        }
        String role =
            message.get("role") instanceof String r && r.matches("system|user|assistant")
                ? r
                : "user";
        messages.add(new TextRequest.Message(role, content));
      }
    }
    StoryBrief story = body.get("story") instanceof Map<?, ?> s ? story(cast(s)) : null;
    if (messages.isEmpty() && story == null)
      throw invalid("prompt", "Send a prompt, messages or a story brief.");
    TextRequest request =
        new TextRequest(
            messages,
            integer(body, "max_tokens", 1024, 1, limits.maxTokens()),
            longValue(body, "seed", 0),
            story);
    if (request.characters() > limits.maxPromptCharacters()) {
      throw invalid("messages", "At most " + limits.maxPromptCharacters() + " characters in all.");
    }
    return request;
  }

  ImageRequest image(Map<String, Object> body) {
    return new ImageRequest(
        string(body, "prompt", limits.maxPromptCharacters()),
        strings(body, "characters", 12),
        optionalString(body, "setting", 500),
        integer(body, "width", 1024, 16, limits.maxImageSide()),
        integer(body, "height", 1024, 16, limits.maxImageSide()),
        optionalString(body, "style", 100),
        longValue(body, "seed", 0));
  }

  SpeechRequest speech(Map<String, Object> body) {
    return new SpeechRequest(
        string(body, "text", limits.maxSpeechCharacters()), optionalString(body, "voice", 40));
  }

  private StoryBrief story(Map<String, Object> s) {
    Object bible = s.get("bible");
    return new StoryBrief(
        optionalString(s, "title", 200),
        strings(s, "universes", 10),
        strings(s, "characters", 12),
        optionalString(s, "theme", 200),
        optionalString(s, "moral_lesson", 300),
        integer(s, "pages", 5, 1, 50),
        optionalString(s, "age_group", 20),
        bible instanceof Map<?, ?> b ? cast(b) : null,
        strings(s, "recent_pages", 10),
        optionalString(s, "continuation", 2000));
  }

  private static String string(Map<String, Object> body, String field, int max) {
    String value = optionalString(body, field, max);
    if (value == null || value.isBlank()) throw invalid(field, field + " is required.");
    return value;
  }

  private static String optionalString(Map<String, Object> body, String field, int max) {
    Object value = body.get(field);
    if (value == null) return null;
    if (!(value instanceof String text)) throw invalid(field, field + " must be a string.");
    if (text.length() > max) throw invalid(field, field + " has at most " + max + " characters.");
    return text;
  }

  private static List<String> strings(Map<String, Object> body, String field, int max) {
    Object value = body.get(field);
    if (value == null) return List.of();
    if (!(value instanceof List<?> list)
        || list.size() > max
        || !list.stream().allMatch(v -> v instanceof String t && t.length() <= 2000)) {
      throw invalid(field, field + " is a list of at most " + max + " strings.");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static int integer(
      Map<String, Object> body, String field, int fallback, int min, int max) {
    Object value = body.get(field);
    if (value == null) return fallback;
    if (!(value instanceof Integer n) || n < min || n > max)
      throw invalid(field, field + " is a whole number from " + min + " to " + max + ".");
    return n;
  }

  private static long longValue(Map<String, Object> body, String field, long fallback) {
    Object value = body.get(field);
    if (value == null) return fallback;
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
      throw invalid(field, field + " is a whole number.");
    return n.longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(
        org.springframework.http.HttpStatus.BAD_REQUEST,
        "invalid-ai-request",
        "Invalid request",
        detail,
        org.springframework.http.HttpHeaders.EMPTY,
        Map.of("field", field));
  }
}
