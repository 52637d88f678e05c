package dev.storyvault.events;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutEventPublicationsTest extends EventPublicationsContract {}
