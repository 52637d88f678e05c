package dev.storyvault.document;

import org.springframework.http.HttpStatus;

/**
 * What a JSON document may be, and how a refusal is worded.
 *
 * @param what how the refusal names the document ("A story document")
 * @param status the status of a refusal other than size (400 for request bodies, 422 for uploaded
 *     files)
 * @param invalidType the problem type of malformed JSON
 * @param tooDeepType the problem type of JSON nested deeper than {@code maxDepth} or with an
 *     oversized string
 */
public record JsonLimits(
    String what,
    long maxBytes,
    int maxDepth,
    int maxStringLength,
    HttpStatus status,
    String invalidType,
    String tooDeepType) {

  /**
   * Limits of a request body: malformed answers 400 {@code invalid-json}, too deep 400 {@code
   * json-too-deep}.
   */
  public static JsonLimits requestBody(String what, long maxBytes, int maxDepth) {
    return new JsonLimits(
        what,
        maxBytes,
        maxDepth,
        (int) Math.min(Integer.MAX_VALUE, maxBytes),
        HttpStatus.BAD_REQUEST,
        "invalid-json",
        "json-too-deep");
  }
}
