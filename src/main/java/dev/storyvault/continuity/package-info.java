/**
 * Continuity of a story against its bible (004): name drift, new characters, contradicted traits,
 * absent characters who act, broken rules; auto-correction of drifted names. Pure logic, no tables.
 */
@ApplicationModule(allowedDependencies = {})
package dev.storyvault.continuity;

import org.springframework.modulith.ApplicationModule;
