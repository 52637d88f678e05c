package dev.storyvault.asset;

import dev.storyvault.image.ImageProperties;
import dev.storyvault.platform.ApiProblem;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many images render at once. A request that finds every slot busy for longer than the
 * queue wait gets 503 with Retry-After instead of piling up work until memory runs out. Background
 * work (the variants made after an upload) never holds the last slot when there are two or more, so
 * a reader asking for an image is not turned away because the server is busy making variants nobody
 * has asked for yet.
 */
@Component
class RenderSlots {

  private final Semaphore slots;
  private final Semaphore background;
  private final Duration wait;

  RenderSlots(ImageProperties properties) {
    int count = properties.maxConcurrentRendersOrDefault();
    this.slots = new Semaphore(count, true);
    this.background = new Semaphore(Math.max(1, count - 1), true);
    this.wait = properties.renderQueueWaitOrDefault();
  }

  /** For requests: waits briefly, then answers 503. */
  <T> T withinRequest(Supplier<T> render) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) throw busy();
    try {
      return render.get();
    } finally {
      slots.release();
    }
  }

  /** For background work: waits its turn. */
  <T> T inBackground(Supplier<T> render) throws InterruptedException {
    background.acquire();
    try {
      slots.acquire();
      try {
        return render.get();
      } finally {
        slots.release();
      }
    } finally {
      background.release();
    }
  }

  private static ApiProblem busy() {
    return ApiProblem.busy(
        "render-busy",
        "Busy rendering",
        "Every image renderer is busy; try again in a few seconds.",
        2);
  }

  /** How many background renders are waiting for a slot they may use (for tests and metrics). */
  int backgroundWaiting() {
    return background.getQueueLength();
  }
}
