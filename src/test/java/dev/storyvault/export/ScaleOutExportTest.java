package dev.storyvault.export;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutExportTest extends ExportContract {}
