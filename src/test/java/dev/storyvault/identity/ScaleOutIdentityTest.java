package dev.storyvault.identity;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutIdentityTest extends IdentityContract {}
