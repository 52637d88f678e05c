package dev.storyvault.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.blobs.*}: where blobs live. {@code store} is {@code disk} (embedded) or {@code
 * s3}.
 */
@ConfigurationProperties("storyvault.blobs")
public record BlobProperties(String store, Disk disk, S3 s3) {

  public record Disk(String root) {}

  public record S3(
      String endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey,
      Boolean pathStyle,
      Boolean createBucket,
      Boolean sendChecksum,
      Long multipartThreshold) {

    public long multipartThresholdOrDefault() {
      return multipartThreshold == null ? 16L * 1024 * 1024 : multipartThreshold;
    }
  }
}
