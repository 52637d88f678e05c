package dev.storyvault.trash;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedTrashTest extends TrashContract {}
