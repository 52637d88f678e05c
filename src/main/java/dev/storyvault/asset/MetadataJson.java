package dev.storyvault.asset;

import dev.storyvault.platform.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Free-form asset metadata: one JSON object, at most 16 KiB and 8 levels deep. */
@Component
class MetadataJson {

    static final int MAX_BYTES = 16 * 1024;

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build())
            .build();

    Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) return new LinkedHashMap<>();
        if (json.length() > MAX_BYTES) {
            throw ApiProblem.tooLarge("Asset metadata may have at most " + MAX_BYTES + " bytes of JSON.");
        }
        try {
            Object value = mapper.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?>)) throw invalid("Asset metadata must be a JSON object.");
            return mapper.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JacksonException e) {
            throw invalid("Asset metadata is not valid JSON (or nests deeper than 8 levels): " + e.getOriginalMessage());
        }
    }

    String write(Map<String, Object> metadata) {
        return mapper.writeValueAsString(metadata);
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-metadata", detail);
    }
}
