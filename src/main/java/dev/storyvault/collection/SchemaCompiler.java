package dev.storyvault.collection;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles collection schemas (JSON Schema draft 2020-12, networknt json-schema-validator), after
 * checking each against the 2020-12 meta-schema. {@code format} is asserted; {@code pattern}s run
 * within a time budget ({@link BoundedRegex}); a {@code $ref} may name only the meta-schemas the
 * library carries (no fetching of remote or local resources).
 */
@Component
class SchemaCompiler {

  private static final String META = "https://json-schema.org/draft/2020-12/schema";

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final SchemaRegistry registry;
  private final Schema metaSchema;

  SchemaCompiler() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .regularExpressionFactory(new BoundedRegex())
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .schemaLoader(
                        loader ->
                            loader
                                .fetchRemoteResources(false)
                                .block(
                                    iri ->
                                        !iri.toString().startsWith("https://json-schema.org/"))));
    this.metaSchema = registry.getSchema(SchemaLocation.of(META));
  }

  Schema compile(Map<String, Object> schema) {
    JsonNode node = mapper.valueToTree(schema);
    List<Error> problems = metaSchema.validate(node);
    if (!problems.isEmpty()) throw refused(problems);
    try {
      Schema compiled = registry.getSchema(node);
      compiled.initializeValidators();
      return compiled;
    } catch (SchemaException | IllegalArgumentException e) {
      throw DefinitionReader.invalid("schema: " + e.getMessage());
    }
  }

  JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }

  private static ApiProblem refused(List<Error> problems) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-collection",
        "Invalid collection",
        "schema is not a valid JSON Schema (draft 2020-12): " + problems.getFirst().getMessage(),
        HttpHeaders.EMPTY,
        Map.of(
            "errors",
            problems.stream()
                .limit(20)
                .map(e -> Map.of("path", "schema" + path(e), "message", e.getMessage()))
                .toList()));
  }

  private static String path(Error e) {
    String p = e.getInstanceLocation().toString();
    return p.startsWith("$") ? p.substring(1) : p;
  }
}
