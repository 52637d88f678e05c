package dev.storyvault.asset;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutSignedUrlTest extends SignedUrlContract {}
