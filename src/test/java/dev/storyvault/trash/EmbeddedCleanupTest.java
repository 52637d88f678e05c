package dev.storyvault.trash;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedCleanupTest extends CleanupContract {}
