/** Assets: uploads, versions, variants, access, delivery, and which documents use each asset. */
@ApplicationModule(
    allowedDependencies = {
      "trash",
      "blob",
      "image",
      "delivery",
      "identity",
      "database",
      "coordination",
      "document",
      "platform"
    })
package dev.storyvault.asset;

import org.springframework.modulith.ApplicationModule;
