/**
 * The database: dialect, the one write path (WriteTransactions, group commit on SQLite), WAL
 * checkpoints, planner statistics.
 */
@ApplicationModule(allowedDependencies = {})
package dev.storyvault.database;

import org.springframework.modulith.ApplicationModule;
