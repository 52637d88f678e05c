package dev.storyvault.jobs;

import dev.storyvault.coordination.Invalidations;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes whoever waits on a job (event streams) or for work (workers), on every instance: the
 * database is the truth, this only says "look again". In-process when embedded; over the
 * coordination seam (Redis pub/sub or PostgreSQL LISTEN/NOTIFY) when scaled out. A missed ring
 * costs at most one poll interval.
 */
@Component
class JobDoorbell {

  private static final String EVENTS = "job-events";
  private static final String WORK = "job-work";

  private final Invalidations notices;
  private final ConcurrentHashMap<String, Object> monitors = new ConcurrentHashMap<>();
  private final Semaphore work = new Semaphore(0);

  JobDoorbell(Invalidations notices) {
    this.notices = notices;
    notices.subscribe(EVENTS, this::wake);
    notices.subscribe(WORK, any -> work.release());
  }

  /** After the transaction that appended events to {@code jobId} committed. */
  void ring(String jobId) {
    notices.publish(EVENTS, jobId);
  }

  void workArrived() {
    notices.publish(WORK, "");
  }

  /** Waits until {@code jobId} rings or the time is up. */
  void awaitEvents(String jobId, long millis) throws InterruptedException {
    Object monitor = monitors.computeIfAbsent(jobId, id -> new Object());
    synchronized (monitor) {
      monitor.wait(millis);
    }
  }

  boolean awaitWork(long millis) throws InterruptedException {
    boolean rang = work.tryAcquire(millis, TimeUnit.MILLISECONDS);
    work.drainPermits();
    return rang;
  }

  private void wake(String jobId) {
    Object monitor = monitors.get(jobId);
    if (monitor == null) return;
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }
}
