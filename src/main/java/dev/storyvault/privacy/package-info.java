/**
 * A person's data: their export (a zip of everything they own, with a manifest of hashes and a
 * readable index; made in the background for large accounts) and its erasure. Each module says what
 * it keeps through {@link dev.storyvault.identity.PersonalData}.
 */
@ApplicationModule(
    allowedDependencies = {"identity", "blob", "database", "coordination", "platform"})
package dev.storyvault.privacy;

import org.springframework.modulith.ApplicationModule;
