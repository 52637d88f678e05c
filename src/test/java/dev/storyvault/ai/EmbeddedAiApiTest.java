package dev.storyvault.ai;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedAiApiTest extends AiApiContract {}
