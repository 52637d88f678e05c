/**
 * Generation jobs: a jobs store of our own (status, stage, progress, attempts, lease, idempotency
 * key, stage outputs, result, error), each job's event list streamed as server-sent events, workers
 * that claim jobs with leases and resume them after a crash, and the generation log of every
 * request. Owns the tables {@code jobs}, {@code job_events} and {@code generation_logs}.
 */
@ApplicationModule(
    allowedDependencies = {
      "trash",
      "ai",
      "story",
      "asset",
      "continuity",
      "generationlog",
      "identity",
      "document",
      "database",
      "coordination",
      "platform"
    })
package dev.storyvault.jobs;

import org.springframework.modulith.ApplicationModule;
