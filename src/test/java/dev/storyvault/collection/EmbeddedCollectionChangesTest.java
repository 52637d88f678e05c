package dev.storyvault.collection;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedCollectionChangesTest extends CollectionChangesContract {}
