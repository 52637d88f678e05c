package dev.storyvault.collection;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.Preconditions;
import dev.storyvault.platform.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Creates, changes and removes collections, one transaction each with their indexes. A change that
 * documents already stored would violate is refused with their number and a few of them; the check
 * runs inside the change's transaction, with the definition locked, so no document written
 * meanwhile escapes it.
 */
@Component
class CollectionEditor {

  private static final int EXAMPLES = 5;

  private final CollectionDefinitions definitions;
  private final CollectionDocuments documents;
  private final CollectionIndexes indexes;
  private final CollectionCatalog catalog;
  private final SchemaCompiler compiler;
  private final WriteTransactions writes;
  private final Clock clock;

  CollectionEditor(
      CollectionDefinitions definitions,
      CollectionDocuments documents,
      CollectionIndexes indexes,
      CollectionCatalog catalog,
      SchemaCompiler compiler,
      WriteTransactions writes,
      Clock clock) {
    this.definitions = definitions;
    this.documents = documents;
    this.indexes = indexes;
    this.catalog = catalog;
    this.compiler = compiler;
    this.writes = writes;
    this.clock = clock;
  }

  CollectionDefinition create(Map<String, Object> body, String authorId, boolean builtIn) {
    Instant now = clock.instant();
    CollectionDefinition definition = DefinitionReader.read(body, 1, builtIn, now, now);
    catalog.compile(definition);
    boolean created =
        writes.execute(
            () -> {
              if (!definitions.insert(definition, authorId)) return false;
              indexes.change(null, definition);
              catalog.changed(definition.name());
              return true;
            });
    if (!created)
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "collection-exists",
          "Collection exists",
          "A collection named '" + definition.name() + "' exists; change it with PUT.");
    return definition;
  }

  CollectionDefinition change(
      CollectionDefinition current, Map<String, Object> body, String ifMatch, String authorId) {
    if (Preconditions.expectedVersion(ifMatch, current.version()) != current.version())
      throw Preconditions.stale("collection");
    Object name = body.getOrDefault("name", current.name());
    if (!current.name().equals(name))
      throw DefinitionReader.invalid("name: a collection keeps its name.");
    CollectionDefinition next =
        DefinitionReader.read(
            body, current.version() + 1, current.builtIn(), current.createdAt(), clock.instant());
    CompiledCollection compiled = catalog.compile(next);
    writes.run(
        () -> {
          int locked =
              definitions
                  .lockedVersion(current.name(), true)
                  .orElseThrow(() -> ApiProblem.notFound("collection"));
          if (locked != current.version()) throw Preconditions.stale("collection");
          refuseIfViolated(compiled);
          if (!definitions.update(next, current.version(), authorId))
            throw Preconditions.stale("collection");
          indexes.change(current, next);
          catalog.changed(current.name());
        });
    return next;
  }

  void delete(CollectionDefinition definition) {
    if (definition.builtIn())
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "collection-built-in",
          "Built-in collection",
          "'" + definition.name() + "' is built in; change its definition instead.");
    writes.run(
        () -> {
          definitions.lockedVersion(definition.name(), true);
          long count = documents.count(definition.name());
          if (count > 0)
            throw new ApiProblem(
                HttpStatus.CONFLICT,
                "collection-not-empty",
                "Collection not empty",
                "'" + definition.name() + "' holds " + count + " document(s); delete them first.");
          indexes.change(definition, null);
          definitions.delete(definition.name());
          catalog.changed(definition.name());
        });
  }

  private void refuseIfViolated(CompiledCollection compiled) {
    long[] count = {0};
    List<Map<String, Object>> examples = new ArrayList<>();
    documents.forEachInCollection(
        compiled.name(),
        doc -> {
          List<CompiledCollection.Violation> found =
              compiled.violations(doc.data(), compiler.tree(doc.data()));
          if (found.isEmpty()) return;
          if (count[0]++ < EXAMPLES)
            examples.add(
                Map.of(
                    "id", doc.id(),
                    "path", found.getFirst().path(),
                    "message", found.getFirst().message()));
        });
    if (count[0] == 0) return;
    throw new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "schema-change-refused",
        "Schema change refused",
        count[0]
            + " stored document(s) would violate the new definition, for example "
            + examples.getFirst().get("id")
            + " at "
            + examples.getFirst().get("path")
            + "; change them first or relax the schema.",
        HttpHeaders.EMPTY,
        Map.of("violations", count[0], "examples", examples));
  }
}
