/**
 * Durable events: Spring Modulith's event publication registry on both databases (its JDBC
 * repository on PostgreSQL, {@link dev.storyvault.events.SqliteEventPublications} on SQLite, table
 * {@code event_publication}), and {@link dev.storyvault.events.EventRetries}, which runs again
 * listeners whose publications stayed incomplete.
 */
@ApplicationModule(allowedDependencies = {"database", "coordination"})
package dev.storyvault.events;

import org.springframework.modulith.ApplicationModule;
