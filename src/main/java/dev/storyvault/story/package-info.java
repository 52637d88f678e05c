/** Stories: documents with pages, versions, tags, sharing, search, drafts, reading history. */
@ApplicationModule(
    allowedDependencies = {
      "trash",
      "asset",
      "continuity",
      "identity",
      "delivery",
      "database",
      "coordination",
      "document",
      "platform"
    })
package dev.storyvault.story;

import org.springframework.modulith.ApplicationModule;
