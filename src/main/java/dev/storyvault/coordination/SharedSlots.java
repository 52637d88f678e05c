package dev.storyvault.coordination;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Slots kept in shared storage as numbered leases {@code <name>:0 … <name>:<permits-1>}; the first
 * free one is taken.
 */
final class SharedSlots {

  private SharedSlots() {}

  static Optional<ClusterSlots.Slot> firstFree(
      String name,
      int permits,
      BiPredicate<String, String> take,
      BiConsumer<String, String> release) {
    String token = UUID.randomUUID().toString();
    for (int i = 0; i < permits; i++) {
      String slot = name + ":" + i;
      if (take.test(slot, token))
        return Optional.of(new LocalCoordination.Once(() -> release.accept(slot, token)));
    }
    return Optional.empty();
  }
}
