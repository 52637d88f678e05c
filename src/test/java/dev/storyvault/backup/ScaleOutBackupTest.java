package dev.storyvault.backup;

import dev.storyvault.blob.BlobProperties;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.blob.BlobStores;
import dev.storyvault.support.ScaleOutMode;
import org.springframework.beans.factory.annotation.Autowired;

@ScaleOutMode
class ScaleOutBackupTest extends BackupContract {

  @Autowired BackupProperties properties;

  /** why: the store sends each blob's hash, and S3 refuses bytes that do not match it. */
  @Override
  BlobStore tamperable() {
    BlobProperties.S3 s3 = properties.s3();
    return BlobStores.onS3(
        new BlobProperties.S3(
            s3.endpoint(),
            s3.region(),
            s3.bucket(),
            s3.accessKey(),
            s3.secretKey(),
            s3.pathStyle(),
            false,
            false,
            null));
  }
}
