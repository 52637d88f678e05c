package dev.storyvault.blob;

import dev.storyvault.blob.disk.DiskBlobStore;
import dev.storyvault.blob.s3.S3BlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes blob stores: the live one (from {@code storyvault.blobs}) and others, such as a backup's (a
 * folder or a bucket that is not the live one).
 */
public final class BlobStores {

  private BlobStores() {}

  public static BlobStore onDisk(Path root) throws IOException {
    return new DiskBlobStore(root);
  }

  public static BlobStore onS3(BlobProperties.S3 config) {
    S3BlobStore store =
        new S3BlobStore(
            s3Client(config),
            config.bucket(),
            !Boolean.FALSE.equals(config.sendChecksum()),
            config.multipartThresholdOrDefault());
    if (Boolean.TRUE.equals(config.createBucket())) store.createBucketIfMissing();
    return store;
  }

  /** A client for an S3-compatible store, as the live blob store makes it. */
  public static S3Client s3Client(BlobProperties.S3 config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .forcePathStyle(Boolean.TRUE.equals(config.pathStyle()))
            .credentialsProvider(credentials(config))
            // why: S3-compatible stores reject the SDK's default CRC32 trailers; we send SHA-256
            // ourselves
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(128));
    if (config.endpoint() != null && !config.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(config.endpoint()));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(BlobProperties.S3 config) {
    if (config.accessKey() == null || config.accessKey().isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
  }
}
