package dev.storyvault.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.delivery.*}. {@code maxRanges}: ranges allowed in one request (more is a 416).
 * {@code sendfileThreshold}: from this size on, local blobs go out by the kernel's sendfile.
 */
@ConfigurationProperties("storyvault.delivery")
public record DeliveryProperties(Integer maxRanges, Long sendfileThreshold) {

    public DeliveryProperties {
        if (maxRanges == null) maxRanges = 16;
        if (sendfileThreshold == null) sendfileThreshold = 48L * 1024;
    }
}
