package dev.storyvault.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code storyvault.delivery.*}. {@code maxRanges}: ranges allowed in one request (more is a 416).
 * {@code sendfileThreshold}: from this size on, local blobs go out by the kernel's sendfile. {@code
 * memoryCacheSize}: heap kept for small blobs (up to {@code memoryCacheMaxBlob} each), which are
 * immutable and so never stale.
 */
@ConfigurationProperties("storyvault.delivery")
public record DeliveryProperties(
    Integer maxRanges,
    Long sendfileThreshold,
    DataSize memoryCacheSize,
    DataSize memoryCacheMaxBlob) {

  public DeliveryProperties {
    if (maxRanges == null) maxRanges = 16;
    if (sendfileThreshold == null) sendfileThreshold = 48L * 1024;
    if (memoryCacheSize == null) memoryCacheSize = DataSize.ofMegabytes(64);
    if (memoryCacheMaxBlob == null) memoryCacheMaxBlob = DataSize.ofKilobytes(256);
  }
}
