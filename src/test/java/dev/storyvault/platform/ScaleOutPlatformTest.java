package dev.storyvault.platform;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutPlatformTest extends PlatformContract {}
