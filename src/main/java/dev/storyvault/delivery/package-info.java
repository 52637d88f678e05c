/** Serving bytes over HTTP: ranges, conditional requests, cache policy, surrogate keys. */
@ApplicationModule(allowedDependencies = {"blob", "platform"})
package dev.storyvault.delivery;

import org.springframework.modulith.ApplicationModule;
