package dev.storyvault.export;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedExportTest extends ExportContract {}
