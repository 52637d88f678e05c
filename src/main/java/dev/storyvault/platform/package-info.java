/**
 * Cross-cutting plumbing every module may use: problem responses (RFC 9457), ids, digests, client
 * addresses, the clock.
 */
@ApplicationModule(allowedDependencies = {})
package dev.storyvault.platform;

import org.springframework.modulith.ApplicationModule;
