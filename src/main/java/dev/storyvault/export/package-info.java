/**
 * Exports of stories: PDF, EPUB and offline bundles, cached as blobs; released when their story
 * goes.
 */
@ApplicationModule(
    allowedDependencies = {
      "story",
      "story :: events",
      "asset",
      "blob",
      "identity",
      "delivery",
      "database",
      "coordination",
      "platform"
    })
package dev.storyvault.export;

import org.springframework.modulith.ApplicationModule;
