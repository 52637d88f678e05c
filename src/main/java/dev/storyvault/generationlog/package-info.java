/**
 * Generation logs (002: 100 % of requests): one row per generation request, accepted or rejected,
 * and how it ended, written in the request's transaction; apps that generate elsewhere record
 * theirs. Owns the table {@code generation_logs}.
 */
@ApplicationModule(
    allowedDependencies = {"identity", "document", "database", "ratelimit", "platform"})
package dev.storyvault.generationlog;

import org.springframework.modulith.ApplicationModule;
