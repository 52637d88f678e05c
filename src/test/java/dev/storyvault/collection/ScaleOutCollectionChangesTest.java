package dev.storyvault.collection;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutCollectionChangesTest extends CollectionChangesContract {}
