package dev.storyvault.asset;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedSignedUrlTest extends SignedUrlContract {}
