package dev.storyvault.collection;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every change to a collection's documents, one transaction each: the row, its version, the asset
 * references, what array indexes need and the event. A document is checked before the transaction
 * against the definition it was validated with; inside, that definition must still be current (a
 * concurrent schema change makes the write start again against the new one).
 */
@Component
class DocumentEditor {

  static final String REFERRER = "collection";
  private static final int ATTEMPTS = 3;

  private final CollectionCatalog catalog;
  private final CollectionDefinitions definitions;
  private final CollectionDocuments documents;
  private final FieldSql sql;
  private final CollectionJson json;
  private final AssetDirectory assets;
  private final SchemaCompiler compiler;
  private final ApplicationEventPublisher events;
  private final WriteTransactions writes;
  private final Clock clock;
  private final ListingCache listings;

  private final DocumentTrash trash;

  DocumentEditor(
      CollectionCatalog catalog,
      CollectionDefinitions definitions,
      CollectionDocuments documents,
      FieldSql sql,
      CollectionJson json,
      AssetDirectory assets,
      SchemaCompiler compiler,
      ApplicationEventPublisher events,
      WriteTransactions writes,
      Clock clock,
      ListingCache listings,
      DocumentTrash trash) {
    this.trash = trash;
    this.listings = listings;
    this.catalog = catalog;
    this.definitions = definitions;
    this.documents = documents;
    this.sql = sql;
    this.json = json;
    this.assets = assets;
    this.compiler = compiler;
    this.events = events;
    this.writes = writes;
    this.clock = clock;
  }

  /** Thrown inside a write whose definition changed since the document was checked. */
  private static final class DefinitionChanged extends RuntimeException {
    DefinitionChanged() {
      super(null, null, false, false);
    }
  }

  CollectionDocument create(Caller caller, String collection, Map<String, Object> data) {
    return attempts(
        collection,
        compiled -> {
          Set<String> assetIds = checked(caller, compiled, data);
          Instant now = clock.instant();
          CollectionDocument doc =
              new CollectionDocument(
                  Ids.next("doc"), collection, caller.userId(), 1, data, now, now);
          String text = json.write(data);
          writes.run(
              () -> {
                current(compiled);
                documents.insert(doc, text, caller.userId());
                saved(compiled, doc, assetIds);
                events.publishEvent(new DocumentCreated(collection, doc.id(), doc.ownerId()));
                battles(doc, true);
              });
          return doc;
        });
  }

  /**
   * A new version with {@code data}, if {@code expectedVersion} is still the stored one; {@code
   * caller} is null for the server's own changes.
   */
  CollectionDocument update(
      String authorId,
      Caller caller,
      CollectionDocument current,
      Map<String, Object> data,
      int expectedVersion) {
    if (expectedVersion != current.version()) throw stale();
    return attempts(
        current.collection(),
        compiled -> {
          Set<String> assetIds = checked(caller, compiled, data);
          CollectionDocument doc =
              new CollectionDocument(
                  current.id(),
                  current.collection(),
                  current.ownerId(),
                  current.version() + 1,
                  data,
                  current.createdAt(),
                  clock.instant());
          String text = json.write(data);
          writes.run(
              () -> {
                current(compiled);
                if (!documents.update(doc, expectedVersion, text, authorId)) throw stale();
                saved(compiled, doc, assetIds);
                events.publishEvent(new DocumentChanged(doc.collection(), doc.id(), doc.ownerId()));
                battles(doc, false);
              });
          return doc;
        });
  }

  void delete(CollectionDocument doc, int expectedVersion) {
    if (expectedVersion != doc.version()) throw stale();
    writes.run(
        () -> {
          trash.keep(doc);
          if (!documents.delete(doc.id(), expectedVersion)) throw stale();
          sql.documentRemoved(doc.id());
          listings.changed(doc.collection());
          events.publishEvent(new DocumentDeleted(doc.collection(), doc.id(), doc.ownerId()));
          battles(doc, false);
        });
  }

  /**
   * Validates against the schema and indexed types; returns the asset ids, each visible to the
   * caller.
   */
  private Set<String> checked(
      Caller caller, CompiledCollection compiled, Map<String, Object> data) {
    List<CompiledCollection.Violation> violations = compiled.violations(data, compiler.tree(data));
    if (!violations.isEmpty()) throw DocumentRefused.invalid(violations);
    Set<String> ids = new LinkedHashSet<>();
    AssetFields.forEach(
        compiled.definition(),
        data,
        (path, value) -> {
          if (!(value instanceof String id))
            throw DocumentRefused.invalid(path, "holds an asset id: a string.");
          // why no caller: the server's own updates (tallies) keep references someone else made
          if (caller != null && assets.visibleTo(caller, id).isEmpty())
            throw DocumentRefused.invalid(
                path, "no asset '" + DocumentQuery.abbreviated(id) + "' that you may use.");
          ids.add(id);
        });
    return ids;
  }

  private void current(CompiledCollection compiled) {
    int version =
        definitions
            .lockedVersion(compiled.name(), false)
            .orElseThrow(() -> dev.storyvault.platform.ApiProblem.notFound("collection"));
    if (version != compiled.definition().version()) throw new DefinitionChanged();
  }

  /**
   * why inside the write: an asset deleted after the checks would leave the document pointing at
   * nothing.
   */
  private void saved(CompiledCollection compiled, CollectionDocument doc, Set<String> assetIds) {
    listings.changed(doc.collection());
    sql.arrayValuesChanged(
        doc.collection(),
        doc.id(),
        CollectionIndexes.arrayFields(compiled.definition()),
        doc.data());
    Set<String> gone = assets.recordReferences(REFERRER, doc.id(), assetIds);
    if (!gone.isEmpty())
      throw DocumentRefused.invalid(
          "$", "asset '" + gone.iterator().next() + "' was deleted while this document was saved.");
  }

  private void battles(CollectionDocument doc, boolean recorded) {
    if (BattleTallies.BATTLES.equals(doc.collection()))
      events.publishEvent(new BattlesChanged(doc.id(), recorded));
  }

  private <T> T attempts(
      String collection, java.util.function.Function<CompiledCollection, T> work) {
    for (int attempt = 1; ; attempt++) {
      CompiledCollection compiled =
          attempt == 1 ? catalog.require(collection) : catalog.fresh(collection);
      try {
        return work.apply(compiled);
      } catch (DefinitionChanged e) {
        if (attempt == ATTEMPTS) throw stale();
      }
    }
  }

  static dev.storyvault.platform.ApiProblem stale() {
    return Preconditions.stale("document");
  }
}
