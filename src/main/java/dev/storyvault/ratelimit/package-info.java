/** Request rate limits per caller or address, local or shared (Redis, PostgreSQL). */
@ApplicationModule(allowedDependencies = {"identity", "platform", "database"})
package dev.storyvault.ratelimit;

import org.springframework.modulith.ApplicationModule;
