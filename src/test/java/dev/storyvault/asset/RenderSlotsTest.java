package dev.storyvault.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.storyvault.image.ImageProperties;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Background renders leave a slot to requests; a single slot is shared by both. */
class RenderSlotsTest {

  @Test
  void aRequestRendersAtOnceWhileBackgroundWorkWaitsForTheSlotsItMayUse() throws Exception {
    RenderSlots slots = slots(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger rendering = new AtomicInteger();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 3; i++)
        pool.submit(() -> slots.inBackground(() -> hold(rendering, release)));
      awaitRendering(rendering, 1);
      // the two others are queued for the one slot background work may use, not merely late
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> slots.backgroundWaiting() == 2);
      assertThat(rendering.get()).as("background renders at once").isEqualTo(1);
      assertThat(slots.withinRequest(() -> "rendered")).isEqualTo("rendered");
      release.countDown();
    }
    assertThat(rendering.get()).isZero();
  }

  @Test
  void withOneSlotBackgroundWorkAndRequestsShareIt() {
    RenderSlots slots = slots(1);
    // why a timeout: with no slot left to background work, it would wait forever
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(slots.inBackground(() -> "background")).isEqualTo("background");
          assertThat(slots.withinRequest(() -> "request")).isEqualTo("request");
        });
  }

  private static RenderSlots slots(int count) {
    return new RenderSlots(new ImageProperties(null, null, count, Duration.ofMillis(100), null));
  }

  private static Object hold(AtomicInteger rendering, CountDownLatch release) {
    rendering.incrementAndGet();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      rendering.decrementAndGet();
    }
    return null;
  }

  private static void awaitRendering(AtomicInteger rendering, int count)
      throws InterruptedException {
    for (int i = 0; i < 200 && rendering.get() < count; i++) Thread.sleep(10);
    assertThat(rendering.get()).isEqualTo(count);
  }
}
