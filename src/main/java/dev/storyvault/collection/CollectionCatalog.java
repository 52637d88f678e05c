package dev.storyvault.collection;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import dev.storyvault.platform.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Collections with their schemas compiled, cached: compiling a schema costs far more than a
 * request. A change of a definition drops it on every instance when its transaction commits.
 */
@Component
class CollectionCatalog {

  private final CollectionDefinitions definitions;
  private final SchemaCompiler compiler;
  private final InvalidatedCache<Optional<CompiledCollection>> cache;
  private final ListingCache listings;

  CollectionCatalog(
      CollectionDefinitions definitions,
      SchemaCompiler compiler,
      Clock clock,
      Invalidations invalidations,
      ListingCache listings) {
    this.listings = listings;
    this.definitions = definitions;
    this.compiler = compiler;
    this.cache =
        new InvalidatedCache<>("collections", Duration.ofMinutes(10), 1_000, clock, invalidations);
  }

  Optional<CompiledCollection> find(String name) {
    if (!DefinitionReader.isName(name)) return Optional.empty();
    return cache.get(name, this::load);
  }

  CompiledCollection require(String name) {
    return find(name).orElseThrow(() -> ApiProblem.notFound("collection"));
  }

  /** Read from the database, not the cache (after a write found the cached one outdated). */
  CompiledCollection fresh(String name) {
    cache.invalidate(name);
    return load(name).orElseThrow(() -> ApiProblem.notFound("collection"));
  }

  /** In the changing transaction: every instance forgets it when that commits. */
  void changed(String name) {
    cache.invalidate(name);
    listings.changed(name);
  }

  CompiledCollection compile(CollectionDefinition definition) {
    return new CompiledCollection(definition, compiler.compile(definition.schema()));
  }

  private Optional<CompiledCollection> load(String name) {
    return definitions.find(name).map(this::compile);
  }
}
