/**
 * Collections: typed JSON documents with a JSON Schema, indexed fields, asset references, access
 * rules and versions, queried with a filter grammar that runs on indexes only; and the game's
 * built-in catalogs (creatures, animations, effects, battles, analytics snapshots).
 */
@ApplicationModule(
    allowedDependencies = {
      "trash",
      "asset",
      "identity",
      "database",
      "coordination",
      "document",
      "platform"
    })
package dev.storyvault.collection;

import org.springframework.modulith.ApplicationModule;
