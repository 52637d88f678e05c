package dev.storyvault.asset;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedVariantTest extends VariantContract {}
