package dev.storyvault.asset;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedHostileUploadTest extends HostileUploadContract {}
