package dev.storyvault.collection;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedCollectionsTest extends CollectionsContract {}
