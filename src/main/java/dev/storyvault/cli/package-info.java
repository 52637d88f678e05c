/** Operator commands (picocli) run against the same configuration without serving. */
@ApplicationModule(allowedDependencies = {"identity", "backup", "trash"})
package dev.storyvault.cli;

import org.springframework.modulith.ApplicationModule;
