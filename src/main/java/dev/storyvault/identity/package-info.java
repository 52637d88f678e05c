/**
 * Who is calling: people, service accounts, API keys, login and guest tokens, OIDC, signed URLs,
 * audit, preferences.
 */
@ApplicationModule(allowedDependencies = {"database", "coordination", "document", "platform"})
package dev.storyvault.identity;

import org.springframework.modulith.ApplicationModule;
