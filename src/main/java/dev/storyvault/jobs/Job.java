package dev.storyvault.jobs;

import java.time.Instant;
import java.util.Map;

/** A stored job; {@code state} holds the stage outputs a retry resumes from. */
record Job(
    String id,
    String ownerId,
    String ownerRole,
    String type,
    JobStatus status,
    String stage,
    int progress,
    int attempts,
    int maxAttempts,
    String idempotencyKey,
    String requestHash,
    Map<String, Object> input,
    Map<String, Object> state,
    Map<String, Object> result,
    Map<String, Object> error,
    boolean cancelRequested,
    Instant createdAt,
    Instant updatedAt) {}
