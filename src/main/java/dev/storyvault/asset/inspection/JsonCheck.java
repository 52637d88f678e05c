package dev.storyvault.asset.inspection;

import dev.storyvault.platform.ApiProblem;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Proves an upload is one well-formed JSON document within the nesting limit, by streaming through
 * its tokens: nothing is built in memory, so a 100,000-deep document costs nothing but a refusal.
 */
final class JsonCheck {

    private JsonCheck() {}

    static void verify(Path file, int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth).maxStringLength(5_000_000).maxNameLength(10_000).build())
                .build();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), file)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw invalid("A JSON asset must be an object or an array.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) throw invalid("Only one JSON document is allowed per asset.");
        } catch (StreamConstraintsException e) {
            throw ApiProblem.unprocessable("json-too-deep",
                    "The JSON nests deeper than " + maxDepth + " levels (or has an oversized string); flatten it.");
        } catch (JacksonException e) {
            throw invalid("The JSON is not well-formed: " + e.getOriginalMessage());
        }
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.unprocessable("invalid-json", detail);
    }
}
