package dev.storyvault.coordination;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One instance (embedded mode): notices stay in-process, every loop is this instance's, slots are
 * semaphores.
 */
final class LocalCoordination implements Invalidations, ClusterLoops, ClusterSlots {

  private final Notices notices = new Notices();
  private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

  @Override
  public void publish(String topic, String key) {
    notices.deliverHere(topic, key);
  }

  @Override
  public void subscribe(String topic, Consumer<String> onStale) {
    notices.subscribe(topic, onStale);
  }

  @Override
  public boolean runIfLeader(String loop, Duration lease, Runnable step) {
    step.run();
    return true;
  }

  @Override
  public Optional<Slot> tryAcquire(String name, int permits, Duration lease) {
    Semaphore semaphore = slots.computeIfAbsent(name + "/" + permits, n -> new Semaphore(permits));
    if (!semaphore.tryAcquire()) return Optional.empty();
    return Optional.of(new Once(semaphore::release));
  }

  /** A slot whose release runs once, however often it is closed. */
  static final class Once implements Slot {
    private final Runnable release;
    private boolean released;

    Once(Runnable release) {
      this.release = release;
    }

    @Override
    public synchronized void close() {
      if (released) return;
      released = true;
      release.run();
    }
  }
}
