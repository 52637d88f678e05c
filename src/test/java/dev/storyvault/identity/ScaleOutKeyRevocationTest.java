package dev.storyvault.identity;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutKeyRevocationTest extends KeyRevocationContract {}
