/**
 * Backups: a consistent snapshot of the database plus every blob it references, in a folder or a
 * bucket that is not the live one; blobs stored once across all backups; a manifest per backup;
 * verify, prune (retention) and a daily schedule; the blob collector paused while a backup copies.
 */
@ApplicationModule(
    allowedDependencies = {"blob", "database", "coordination", "identity", "platform"})
package dev.storyvault.backup;

import org.springframework.modulith.ApplicationModule;
