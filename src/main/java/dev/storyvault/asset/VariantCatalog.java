package dev.storyvault.asset;

import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageProcessor;
import dev.storyvault.image.ImageProperties;
import dev.storyvault.image.ImageRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The standard variants every image gets, the named presets, and their URLs. A thumbnail is a 256
 * px WebP (a fraction of a PNG thumbnail's size); {@code webp} and {@code avif} are the image (up
 * to 4096 px) in those formats; {@code print} is a high-quality JPEG of the same size. AVIF is
 * listed only where an encoder is.
 */
@Component
class VariantCatalog {

  /**
   * why 4096: 13 inches at 300 dpi is print quality for a picture book, and it bounds what one
   * render holds in memory (a 100-megapixel upload decodes at half size instead of full).
   */
  private static final int FULL = 4096;

  private final Map<String, ImageRequest> standard = new LinkedHashMap<>();
  private final Map<String, ImageRequest> presets = new LinkedHashMap<>();

  VariantCatalog(ImageProcessor processor, ImageProperties properties) {
    standard.put("thumbnail", new ImageRequest(256, 256, Fit.CONTAIN, ImageFormat.WEBP, 80));
    standard.put("webp", new ImageRequest(FULL, FULL, Fit.CONTAIN, ImageFormat.WEBP, 82));
    if (processor.canWrite(ImageFormat.AVIF)) {
      standard.put("avif", new ImageRequest(FULL, FULL, Fit.CONTAIN, ImageFormat.AVIF, 55));
    }
    standard.put("print", new ImageRequest(FULL, FULL, Fit.CONTAIN, ImageFormat.JPEG, 92));
    presets.put("card", new ImageRequest(512, 512, Fit.COVER, ImageFormat.WEBP, 80));
    presets.put("cover", new ImageRequest(1200, 630, Fit.COVER, ImageFormat.JPEG, 85));
    presets.put("icon", new ImageRequest(64, 64, Fit.COVER, ImageFormat.PNG, 90));
    properties.presetsOrEmpty().forEach((name, preset) -> presets.put(name, preset.request()));
  }

  Map<String, ImageRequest> standard() {
    return standard;
  }

  Optional<ImageRequest> variant(String name) {
    return Optional.ofNullable(standard.get(name));
  }

  Optional<ImageRequest> preset(String name) {
    return Optional.ofNullable(presets.get(name));
  }

  /**
   * Variant URLs pinned to the version, so that a CDN may keep them forever; none for non-images.
   */
  Map<String, String> urls(Asset asset, AssetVersion version) {
    if (asset.kind() != AssetKind.IMAGE) return Map.of();
    Map<String, String> urls = new LinkedHashMap<>();
    standard
        .keySet()
        .forEach(
            name ->
                urls.put(
                    name,
                    "/api/assets/" + asset.id() + "/variants/" + name + "?v=" + version.version()));
    return urls;
  }
}
