package dev.storyvault.backup;

import dev.storyvault.support.EmbeddedMode;
import dev.storyvault.support.TestModes;
import java.util.Map;

@EmbeddedMode
class EmbeddedBackupRestoreTest extends BackupRestoreContract {

  @Override
  Map<String, String> anEmptyInstallation() {
    Map<String, String> properties =
        same(
            "storyvault.backups.folder", "storyvault.admin-api-key", "storyvault.images.processor");
    properties.put(
        "storyvault.data-dir",
        TestModes.tempDir("storyvault-restored-").resolve("data").toString());
    return properties;
  }
}
