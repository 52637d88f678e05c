package dev.storyvault.collection;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutCollectionsTest extends CollectionsContract {}
