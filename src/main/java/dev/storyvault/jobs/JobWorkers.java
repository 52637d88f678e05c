package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's workers: each claims the next runnable job with a lease ({@code lease}, renewed
 * by a heartbeat every third of it), runs it, and claims again; idle, it waits for the doorbell or
 * a poll. A worker that dies (kill -9) stops renewing; when its lease runs out another worker, here
 * or on another instance, resumes the job at its stage. Queue depth and the oldest queued job's age
 * are metrics.
 */
@Component
class JobWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

  private final Jobs jobs;
  private final JobRunner runner;
  private final JobEvents events;
  private final JobDoorbell doorbell;
  private final WriteTransactions writes;
  private final Clock clock;
  private final int count;
  private final Duration lease;
  private final int perOwner;
  private final int perType;
  private final String instance = "worker-" + UUID.randomUUID();
  private final List<Thread> threads = new ArrayList<>();
  private ScheduledExecutorService heartbeat;
  private volatile boolean running;

  JobWorkers(
      Jobs jobs,
      JobRunner runner,
      JobEvents events,
      JobDoorbell doorbell,
      WriteTransactions writes,
      Clock clock,
      MeterRegistry meters,
      @Value("${storyvault.jobs.workers:2}") int count,
      @Value("${storyvault.jobs.lease:PT30S}") Duration lease,
      @Value("${storyvault.jobs.max-running-per-owner:2}") int perOwner,
      @Value("${storyvault.jobs.max-running-per-type:16}") int perType) {
    this.perOwner = perOwner;
    this.perType = perType;
    this.jobs = jobs;
    this.runner = runner;
    this.events = events;
    this.doorbell = doorbell;
    this.writes = writes;
    this.clock = clock;
    this.count = count;
    this.lease = lease;
    Gauge.builder("storyvault.jobs.queued", jobs, Jobs::queued).register(meters);
    Gauge.builder("storyvault.jobs.oldest.queued.age.seconds", this, JobWorkers::oldestQueuedAge)
        .register(meters);
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < count; i++)
      threads.add(Thread.ofVirtual().name("job-worker-" + i).start(this::work));
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-heartbeat").daemon().factory());
    long every = Math.max(1000, lease.toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    threads.clear();
    if (heartbeat != null) heartbeat.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void work() {
    while (running) {
      try {
        // why the attempt's event in the claim's transaction: one commit fewer per job
        Optional<String> next =
            writes.execute(
                () -> {
                  Optional<String> claimed =
                      jobs.claim(
                          instance,
                          clock.millis(),
                          clock.millis() + lease.toMillis(),
                          perOwner,
                          perType);
                  claimed.ifPresent(
                      id ->
                          events.append(
                              id,
                              "attempt_started",
                              Map.of("attempt", jobs.find(id).map(Job::attempts).orElse(0)),
                              clock.millis()));
                  return claimed;
                });
        if (next.isPresent()) runner.run(next.get());
        else doorbell.awaitWork(1000);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        log.warn("Job worker: {}", e.toString());
        sleep();
      }
    }
  }

  private void renew() {
    try {
      writes.run(() -> jobs.heartbeat(instance, clock.millis() + lease.toMillis()));
    } catch (RuntimeException e) {
      log.warn("Job lease renewal failed: {}", e.toString());
    }
  }

  private double oldestQueuedAge() {
    Long oldest = jobs.oldestQueuedAt();
    return oldest == null ? 0 : (clock.millis() - oldest) / 1000.0;
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
