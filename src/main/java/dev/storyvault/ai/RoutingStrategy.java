package dev.storyvault.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The order in which a router tries its providers. */
public enum RoutingStrategy {
  /** Lowest priority number first. */
  PRIORITY,
  /** At random, in proportion to the routing weights (set by configuration or by optimize). */
  WEIGHTED,
  /** Lowest price for this modality first. */
  CHEAPEST,
  /**
   * Lowest median latency over the last five minutes first; a provider not yet measured goes first.
   */
  FASTEST,
  /** Highest quality (people's ratings) for its cost and latency, times its routing weight. */
  BALANCED;

  public static RoutingStrategy parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  <P extends AiProvider> List<ProviderGate<P>> order(
      List<ProviderGate<P>> gates, Modality modality, Random random) {
    List<ProviderGate<P>> ordered = new ArrayList<>(gates);
    Comparator<ProviderGate<P>> byPriority =
        Comparator.comparingInt((ProviderGate<P> g) -> g.settings().priority())
            .thenComparing(g -> g.settings().id());
    switch (this) {
      case PRIORITY -> ordered.sort(byPriority);
      case CHEAPEST ->
          ordered.sort(
              Comparator.comparingDouble((ProviderGate<P> g) -> g.settings().unitPrice(modality))
                  .thenComparing(byPriority));
      case FASTEST ->
          ordered.sort(
              Comparator.comparingLong((ProviderGate<P> g) -> g.medianLatency())
                  .thenComparing(byPriority));
      case BALANCED ->
          ordered.sort(
              Comparator.comparingDouble((ProviderGate<P> g) -> -g.balanceScore(modality, gates))
                  .thenComparing(byPriority));
      case WEIGHTED -> {
        return weightedOrder(ordered, random);
      }
    }
    return ordered;
  }

  private static <P extends AiProvider> List<ProviderGate<P>> weightedOrder(
      List<ProviderGate<P>> pool, Random random) {
    List<ProviderGate<P>> left = new ArrayList<>(pool);
    List<ProviderGate<P>> ordered = new ArrayList<>();
    while (!left.isEmpty()) {
      double total = left.stream().mapToDouble(g -> Math.max(0.0001, g.weight())).sum();
      double pick = random.nextDouble() * total;
      int i = 0;
      for (; i < left.size() - 1; i++) {
        pick -= Math.max(0.0001, left.get(i).weight());
        if (pick < 0) break;
      }
      ordered.add(left.remove(i));
    }
    return ordered;
  }
}
