package dev.storyvault.collection;

import dev.storyvault.database.DerivedData;
import dev.storyvault.database.WriteTransactions;
import org.springframework.stereotype.Component;

/**
 * Each collection's indexes (made per collection, so not carried by a copy of the rows between
 * databases) rebuilt from the copied definitions, and the cached definitions and listings dropped.
 */
@Component
class CollectionIndexRebuild implements DerivedData {

  private final CollectionDefinitions definitions;
  private final CollectionIndexes indexes;
  private final CollectionCatalog catalog;
  private final ListingCache listings;
  private final WriteTransactions writes;

  CollectionIndexRebuild(
      CollectionDefinitions definitions,
      CollectionIndexes indexes,
      CollectionCatalog catalog,
      ListingCache listings,
      WriteTransactions writes) {
    this.definitions = definitions;
    this.indexes = indexes;
    this.catalog = catalog;
    this.listings = listings;
    this.writes = writes;
  }

  @Override
  public String name() {
    return "collection indexes";
  }

  @Override
  public void rebuild() {
    for (CollectionDefinition definition : definitions.all()) {
      writes.run(() -> indexes.rebuild(definition));
      catalog.changed(definition.name());
      listings.changed(definition.name());
    }
  }
}
