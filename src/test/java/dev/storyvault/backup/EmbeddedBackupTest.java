package dev.storyvault.backup;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedBackupTest extends BackupContract {}
