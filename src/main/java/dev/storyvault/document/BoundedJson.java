package dev.storyvault.document;

import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of JSON that callers send: bounded in size, nesting depth and string length
 * (Jackson's {@link StreamReadConstraints}, enforced while parsing, so a hostile document costs no
 * more than its limits), refusing with a problem document that names the limit. Also writes and
 * re-reads what was stored.
 */
public final class BoundedJson {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private final JsonLimits limits;
  private final JsonFactory factory;
  private final JsonMapper mapper;

  public BoundedJson(JsonLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(Math.min(limits.maxStringLength(), 10_000))
                    .maxDocumentLength(limits.maxBytes())
                    .build())
            .build();
    this.mapper = JsonMapper.builder(factory).build();
  }

  /** One JSON object from a request body. */
  public Map<String, Object> readObject(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    if (bytes.length > limits.maxBytes()) throw tooLarge();
    if (bytes.length == 0) throw invalid("The body is empty; send a JSON object.");
    try {
      // why straight into a map: reading an Object and converting it parsed every document twice
      Map<String, Object> value = mapper.readValue(bytes, OBJECT);
      if (value == null) throw notAnObject();
      return value;
    } catch (JacksonException e) {
      throw refusal(e);
    }
  }

  /** One JSON object held in a string (a form field); blank is an empty object. */
  public Map<String, Object> readObject(String json) {
    if (json == null || json.isBlank()) return new LinkedHashMap<>();
    if (json.length() > limits.maxBytes()) throw tooLarge();
    try {
      Map<String, Object> value = mapper.readValue(json, OBJECT);
      if (value == null) throw notAnObject();
      return value;
    } catch (JacksonException e) {
      throw refusal(e);
    }
  }

  /**
   * Checks that a file holds exactly one well-formed JSON object or array, streaming it (no tree in
   * memory).
   */
  public void checkWellFormed(Path file) {
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), file)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        throw invalid(limits.what() + " must be a JSON object or an array.");
      }
      parser.skipChildren();
      if (parser.nextToken() != null)
        throw invalid("Only one JSON document is allowed in " + limits.what() + ".");
    } catch (JacksonException e) {
      throw refusal(e);
    }
  }

  public String write(Object value) {
    return mapper.writeValueAsString(value);
  }

  /** A document this server stored (trusted: it passed these limits on the way in). */
  public Map<String, Object> readStored(String json) {
    return mapper.readValue(json, OBJECT);
  }

  private ApiProblem refusal(JacksonException e) {
    if (e instanceof MismatchedInputException) return notAnObject();
    if (e instanceof StreamConstraintsException) {
      return problem(
          limits.tooDeepType(),
          limits.what()
              + " nests deeper than "
              + limits.maxDepth()
              + " levels or holds a string longer than "
              + limits.maxStringLength()
              + " characters; flatten it.");
    }
    return invalid(limits.what() + " is not valid JSON: " + e.getOriginalMessage());
  }

  private ApiProblem notAnObject() {
    return invalid(limits.what() + " must be a JSON object.");
  }

  private ApiProblem invalid(String detail) {
    return problem(limits.invalidType(), detail);
  }

  private ApiProblem tooLarge() {
    return ApiProblem.tooLarge(
        limits.what() + " may have at most " + limits.maxBytes() + " bytes.");
  }

  private ApiProblem problem(String type, String detail) {
    return limits.status().value() == 400
        ? ApiProblem.badRequest(type, detail)
        : ApiProblem.unprocessable(type, detail);
  }
}
