package dev.storyvault.ai;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutAiApiTest extends AiApiContract {}
