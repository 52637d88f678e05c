package dev.storyvault.backup;

import dev.storyvault.support.ScaleOutMode;
import dev.storyvault.support.TestModes;
import java.util.Map;
import java.util.UUID;

@ScaleOutMode
class ScaleOutBackupRestoreTest extends BackupRestoreContract {

  @Override
  Map<String, String> anEmptyInstallation() {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, String> properties =
        same(
            "storyvault.admin-api-key",
            "storyvault.database.username",
            "storyvault.blobs.store",
            "storyvault.blobs.s3.endpoint",
            "storyvault.blobs.s3.access-key",
            "storyvault.blobs.s3.secret-key",
            "storyvault.backups.store",
            "storyvault.backups.s3.endpoint",
            "storyvault.backups.s3.bucket",
            "storyvault.backups.s3.access-key",
            "storyvault.backups.s3.secret-key");
    String url = environment.getProperty("storyvault.database.url");
    properties.put(
        "storyvault.database.url",
        url.replaceAll("currentSchema=\\w+", "currentSchema=sv_" + unique));
    properties.put("spring.flyway.schemas", "sv_" + unique);
    properties.put("spring.flyway.create-schemas", "true");
    properties.put("storyvault.blobs.s3.bucket", "sv-" + unique);
    properties.put("storyvault.blobs.s3.create-bucket", "true");
    properties.put("storyvault.data-dir", TestModes.tempDir("storyvault-restored-").toString());
    return properties;
  }
}
