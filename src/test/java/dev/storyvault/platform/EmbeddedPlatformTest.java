package dev.storyvault.platform;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedPlatformTest extends PlatformContract {}
