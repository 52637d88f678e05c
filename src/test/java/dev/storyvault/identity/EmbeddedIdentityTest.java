package dev.storyvault.identity;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedIdentityTest extends IdentityContract {}
