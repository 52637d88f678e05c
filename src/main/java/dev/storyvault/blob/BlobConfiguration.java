package dev.storyvault.blob;

import dev.storyvault.blob.disk.DiskBlobStore;
import dev.storyvault.blob.s3.S3BlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
class BlobConfiguration {

  @Bean
  BlobStore blobStore(BlobProperties properties) throws IOException {
    return switch (properties.store()) {
      case "disk" -> new DiskBlobStore(Path.of(properties.disk().root()));
      case "s3" -> s3Store(properties.s3());
      default ->
          throw new IllegalStateException(
              "storyvault.blobs.store must be 'disk' or 's3', not '" + properties.store() + "'");
    };
  }

  private static S3BlobStore s3Store(BlobProperties.S3 config) {
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
    S3BlobStore store =
        new S3BlobStore(
            builder.build(),
            config.bucket(),
            !Boolean.FALSE.equals(config.sendChecksum()),
            config.multipartThresholdOrDefault());
    if (Boolean.TRUE.equals(config.createBucket())) store.createBucketIfMissing();
    return store;
  }

  private static AwsCredentialsProvider credentials(BlobProperties.S3 config) {
    if (config.accessKey() == null || config.accessKey().isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
  }

  @Bean
  HealthIndicator blobStoreHealthIndicator(BlobStore store) {
    return () -> {
      try {
        store.check();
        return Health.up().withDetail("store", store.getClass().getSimpleName()).build();
      } catch (IOException | RuntimeException e) {
        return Health.down().withDetail("error", e.getMessage()).build();
      }
    };
  }
}
