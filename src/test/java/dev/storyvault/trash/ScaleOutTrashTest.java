package dev.storyvault.trash;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutTrashTest extends TrashContract {}
