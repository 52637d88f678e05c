package dev.storyvault.story;

import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Story request bodies: at most 2 MiB and 32 levels deep, one JSON object. */
@Component
class StoryJson {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {};

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build();

    Map<String, Object> read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw ApiProblem.tooLarge("A story document may have at most " + MAX_BYTES + " bytes.");
        if (bytes.length == 0) throw ApiProblem.badRequest("invalid-json", "The request body is empty; send a JSON object.");
        try {
            // why straight into a map: reading an Object and converting it parsed every story twice
            LinkedHashMap<String, Object> value = mapper.readValue(bytes, DOCUMENT);
            if (value == null) throw notAnObject();
            return value;
        } catch (tools.jackson.databind.exc.MismatchedInputException e) {
            throw notAnObject();
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("json-too-deep", "The JSON nests deeper than " + MAX_DEPTH + " levels.");
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("invalid-json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ApiProblem notAnObject() {
        return ApiProblem.badRequest("invalid-json", "The body must be a JSON object.");
    }

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    Map<String, Object> parse(String json) {
        return mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
}
