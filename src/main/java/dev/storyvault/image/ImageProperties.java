package dev.storyvault.image;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.images.*}: {@code processor} is {@code auto} (libvips when installed, else Java),
 * {@code vips} or {@code java}; {@code maxPixels} bounds what either will decode.
 */
@ConfigurationProperties("storyvault.images")
public record ImageProperties(String processor, Long maxPixels) {

    public String processorOrAuto() {
        return processor == null || processor.isBlank() ? "auto" : processor;
    }

    public long maxPixelsOrDefault() {
        return maxPixels == null ? 100_000_000L : maxPixels;
    }
}
