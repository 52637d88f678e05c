package dev.storyvault.events;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedEventPublicationsTest extends EventPublicationsContract {}
