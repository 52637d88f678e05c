package dev.storyvault.trash;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutCleanupTest extends CleanupContract {}
