package dev.storyvault.backup;

import dev.storyvault.blob.BlobProperties;
import dev.storyvault.blob.BlobStores;
import dev.storyvault.database.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {

  @Bean
  DatabaseSnapshots databaseSnapshots(Dialect dialect, JdbcClient jdbc, DataSource dataSource) {
    return dialect == Dialect.SQLITE
        ? new SqliteSnapshots(jdbc, dataSource)
        : new PostgresSnapshots(dataSource);
  }

  @Bean
  BackupVault backupVault(BackupProperties properties, BlobProperties live) throws IOException {
    if ("s3".equals(properties.store())) {
      BlobProperties.S3 s3 = properties.s3();
      if ("s3".equals(live.store())
          && s3.bucket().equals(live.s3().bucket())
          && String.valueOf(s3.endpoint()).equals(String.valueOf(live.s3().endpoint())))
        throw new IllegalStateException(
            "storyvault.backups.s3.bucket must not be the bucket of the live blobs ("
                + s3.bucket()
                + "): a backup in the same place is lost with it.");
      return new BackupVault(
          BlobStores.onS3(s3), new BucketShelf(BlobStores.s3Client(s3), s3.bucket()));
    }
    Path folder = Path.of(properties.folder()).toAbsolutePath().normalize();
    return new BackupVault(
        BlobStores.onDisk(folder.resolve("blobs")), new FolderShelf(folder.resolve("manifests")));
  }
}
