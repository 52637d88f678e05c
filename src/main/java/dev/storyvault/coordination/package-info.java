/**
 * Coordination between instances: cluster-wide invalidations, one runner per cluster loop,
 * cluster-wide slots; local, Redis and PostgreSQL backends.
 */
@ApplicationModule(allowedDependencies = {"database"})
package dev.storyvault.coordination;

import org.springframework.modulith.ApplicationModule;
