/** Operator commands run against the same configuration without serving. */
@ApplicationModule(allowedDependencies = {"identity"})
package dev.storyvault.cli;

import org.springframework.modulith.ApplicationModule;
