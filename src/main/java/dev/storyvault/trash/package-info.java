/**
 * The trash: what a person deletes (a story, an asset, a collection document) is kept out of every
 * read for a grace period, listed and restorable at {@code /api/trash}, then purged. Each module
 * keeps its own rows of a trashed item as it was ({@link dev.storyvault.trash.Trashable}).
 */
@ApplicationModule(allowedDependencies = {"identity", "blob", "database", "document", "platform"})
package dev.storyvault.trash;

import org.springframework.modulith.ApplicationModule;
