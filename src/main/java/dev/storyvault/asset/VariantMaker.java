package dev.storyvault.asset;

import dev.storyvault.platform.ApiProblem;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Makes every standard variant of one asset version, in the background. */
@Component
class VariantMaker {

  private static final Logger log = LoggerFactory.getLogger(VariantMaker.class);

  private final Assets assets;
  private final VariantCatalog catalog;
  private final Renderings renderings;

  VariantMaker(Assets assets, VariantCatalog catalog, Renderings renderings) {
    this.assets = assets;
    this.catalog = catalog;
    this.renderings = renderings;
  }

  /** {@code key} is "assetId/version"; an asset deleted since it was queued is skipped. */
  void make(String key) throws InterruptedException {
    int slash = key.lastIndexOf('/');
    Optional<AssetVersion> version =
        assets.version(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
    if (version.isEmpty()) return;
    for (var variant : catalog.standard().entrySet()) {
      try {
        renderings.obtainInBackground(version.get(), variant.getKey(), variant.getValue());
      } catch (ApiProblem unrenderable) {
        log.info("No {} variant for {}: {}", variant.getKey(), key, unrenderable.getMessage());
        return;
      }
    }
  }
}
