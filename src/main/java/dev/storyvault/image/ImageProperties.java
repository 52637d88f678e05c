package dev.storyvault.image;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.images.*}: {@code processor} is {@code auto} (libvips when installed, else
 * Java), {@code vips} or {@code java}; {@code maxPixels} bounds what either will decode.
 */
@ConfigurationProperties("storyvault.images")
public record ImageProperties(
    String processor,
    Long maxPixels,
    Integer maxConcurrentRenders,
    Duration renderQueueWait,
    Map<String, Preset> presets) {

  /** A named transform anyone may ask for without a signature. */
  public record Preset(int width, int height, String fit, String format, Integer quality) {

    public ImageRequest request() {
      return new ImageRequest(
          width,
          height,
          Fit.parse(fit).orElse(Fit.CONTAIN),
          ImageFormat.parse(format).orElse(ImageFormat.WEBP),
          quality == null ? 80 : quality);
    }
  }

  public int maxConcurrentRendersOrDefault() {
    return maxConcurrentRenders == null
        ? Math.max(1, Runtime.getRuntime().availableProcessors())
        : maxConcurrentRenders;
  }

  public java.time.Duration renderQueueWaitOrDefault() {
    return renderQueueWait == null ? java.time.Duration.ofSeconds(2) : renderQueueWait;
  }

  public java.util.Map<String, Preset> presetsOrEmpty() {
    return presets == null ? java.util.Map.of() : presets;
  }

  public String processorOrAuto() {
    return processor == null || processor.isBlank() ? "auto" : processor;
  }

  public long maxPixelsOrDefault() {
    return maxPixels == null ? 100_000_000L : maxPixels;
  }
}
