package dev.storyvault.image;

import dev.storyvault.image.java.JavaImageProcessor;
import dev.storyvault.image.vips.VipsImageProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the image processor: libvips when it is installed (faster, AVIF), the Java one otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ImageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ImageConfiguration.class);

  @Bean
  ImageProcessor imageProcessor(ImageProperties properties) {
    long maxPixels = properties.maxPixelsOrDefault();
    ImageProcessor chosen =
        switch (properties.processorOrAuto()) {
          case "java" -> new JavaImageProcessor(maxPixels);
          case "vips" ->
              VipsImageProcessor.ifInstalled(maxPixels)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "storyvault.images.processor=vips but libvips (libvips.so.42) is not installed"));
          case "auto" ->
              VipsImageProcessor.ifInstalled(maxPixels)
                  .orElseGet(() -> new JavaImageProcessor(maxPixels));
          default ->
              throw new IllegalStateException(
                  "storyvault.images.processor must be auto, vips or java");
        };
    log.info(
        "Image processor: {} (AVIF {})",
        chosen.name(),
        chosen.canWrite(ImageFormat.AVIF) ? "on" : "off");
    return chosen;
  }
}
