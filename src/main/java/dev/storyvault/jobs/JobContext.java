package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Role;
import dev.storyvault.identity.Scope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a running job may do: read its input and stage outputs, move to a stage (status, progress
 * and an event in one transaction), save a step's effect together with its output (so a rerun never
 * repeats it), and ask whether it was cancelled. Progress never goes back.
 */
final class JobContext {

  /** Thrown at a stage boundary when the job was cancelled. */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  private final Job job;
  private final Jobs jobs;
  private final JobEvents events;
  private final JobDoorbell doorbell;
  private final WriteTransactions writes;
  private final Clock clock;
  private final Map<String, Object> state;
  private JobStatus status;
  private String stage;
  private int progress;
  private double cost;
  private final java.util.Set<String> providers = new java.util.TreeSet<>();

  JobContext(
      Job job,
      Jobs jobs,
      JobEvents events,
      JobDoorbell doorbell,
      WriteTransactions writes,
      Clock clock) {
    this.job = job;
    this.jobs = jobs;
    this.events = events;
    this.doorbell = doorbell;
    this.writes = writes;
    this.clock = clock;
    this.state = new LinkedHashMap<>(job.state());
    this.status = job.status();
    this.stage = job.stage();
    this.progress = job.progress();
  }

  Job job() {
    return job;
  }

  Map<String, Object> input() {
    return job.input();
  }

  Map<String, Object> state() {
    return state;
  }

  /** The person the job works for, with the scopes of their role. */
  Caller owner() {
    Role role = Role.valueOf(job.ownerRole());
    return new Caller(
        job.ownerId(),
        role,
        role == Role.GUEST ? Set.of(Scope.READ) : Set.of(Scope.READ, Scope.WRITE));
  }

  void checkCancelled() {
    if (jobs.find(job.id()).map(Job::cancelRequested).orElse(true)) throw new Cancelled();
  }

  /** Enters a stage (checking for cancellation first). */
  void stage(String name, JobStatus newStatus, int newProgress) {
    checkCancelled();
    stage = name;
    status = newStatus;
    progress = Math.max(progress, newProgress);
    save("stage", Map.of("stage", name), null);
  }

  /** Runs {@code effect} and saves its output in one transaction: done, or not done at all. */
  void step(String event, Map<String, Object> data, int newProgress, Runnable effect) {
    progress = Math.max(progress, newProgress);
    save(event, data, effect);
  }

  /**
   * Records what a call used: the provider that answered, those that failed before it, the price.
   */
  void used(dev.storyvault.ai.Routed<?> routed) {
    providers.add(routed.provider());
    providers.addAll(routed.failedBefore());
    cost += routed.cost();
  }

  double cost() {
    return cost;
  }

  String providers() {
    return String.join(",", providers);
  }

  private void save(String event, Map<String, Object> data, Runnable effect) {
    long now = clock.millis();
    writes.run(
        () -> {
          if (effect != null) effect.run();
          jobs.progress(job.id(), status, stage, progress, state, now);
          Map<String, Object> payload = new LinkedHashMap<>(data);
          payload.put("status", status.wireName());
          payload.put("stage", stage);
          payload.put("progress", progress);
          events.append(job.id(), event, payload, now);
        });
    doorbell.ring(job.id());
  }
}
