package dev.storyvault.ai;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quality of providers as people rate what they made (1–5), and the routing weights {@link
 * #optimize} computes from ratings, success, latency and price over a window. Weights persist; they
 * are loaded into the routers on start.
 */
@Component
class AiQuality {

  static final Duration WINDOW = Duration.ofDays(30);

  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final AiRouters routers;
  private final Clock clock;

  AiQuality(JdbcClient jdbc, WriteTransactions writes, AiRouters routers, Clock clock) {
    this.jdbc = jdbc;
    this.writes = writes;
    this.routers = routers;
    this.clock = clock;
  }

  void rate(String userId, Modality modality, String providerId, int score, String target) {
    writes.run(
        () ->
            jdbc.sql(
                    """
            INSERT INTO ai_ratings (id, user_id, modality, provider_id, score, target, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                    Ids.next("rat"),
                    userId,
                    modality.wireName(),
                    providerId,
                    score,
                    target,
                    clock.millis())
                .update());
  }

  /**
   * New weights for every provider; returns, per modality and provider, the old and new weight and
   * why.
   */
  Map<String, Map<String, Map<String, Object>>> optimize() {
    Map<String, Map<String, Map<String, Object>>> changes = new LinkedHashMap<>();
    for (Modality modality : Modality.values()) {
      ModelRouter<?> router = routers.of(modality);
      Map<String, Double> ratings = meanRatings(modality);
      List<? extends ProviderGate<?>> gates = router.gates();
      Map<String, Double> scores = new LinkedHashMap<>();
      for (ProviderGate<?> gate : gates) {
        double quality =
            ratings.containsKey(gate.provider().id())
                ? (ratings.get(gate.provider().id()) - 1) / 4
                : 0.5;
        router.quality(gate.provider().id(), quality);
        CallStats.Snapshot stats = gate.stats();
        double success = stats.successRate() == null ? 1 : stats.successRate();
        scores.put(
            gate.provider().id(),
            Math.max(0.01, quality * success * (1 + gate.balanceScore(modality, gates) - quality)));
      }
      double mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(1);
      Map<String, Map<String, Object>> perProvider = new LinkedHashMap<>();
      for (ProviderGate<?> gate : gates) {
        String id = gate.provider().id();
        double next = Math.round(Math.max(0.05, scores.get(id) / mean) * 1000) / 1000.0;
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old_weight", gate.weight());
        change.put("new_weight", next);
        change.put("quality", Math.round(gate.quality() * 1000) / 1000.0);
        change.put("success_rate", gate.stats().successRate());
        change.put("p50_ms", gate.stats().p50Ms());
        perProvider.put(id, change);
        router.weight(id, next);
        save(modality, id, next);
      }
      changes.put(modality.wireName(), perProvider);
    }
    return changes;
  }

  /** Loads saved weights and current quality into the routers. */
  @EventListener(ApplicationReadyEvent.class)
  void load() {
    for (Modality modality : Modality.values()) {
      ModelRouter<?> router = routers.of(modality);
      jdbc.sql("SELECT provider_id, weight FROM ai_routing_weights WHERE modality = ?")
          .param(modality.wireName())
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2)))
          .list()
          .forEach(e -> router.weight(e.getKey(), e.getValue()));
      meanRatings(modality).forEach((id, mean) -> router.quality(id, (mean - 1) / 4));
    }
  }

  private Map<String, Double> meanRatings(Modality modality) {
    Map<String, Double> means = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT provider_id, AVG(score) FROM ai_ratings WHERE modality = ? AND created_at > ?
            GROUP BY provider_id""")
        .params(modality.wireName(), clock.millis() - WINDOW.toMillis())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2)))
        .list()
        .forEach(e -> means.put(e.getKey(), e.getValue()));
    return means;
  }

  private void save(Modality modality, String providerId, double weight) {
    writes.run(
        () ->
            jdbc.sql(
                    """
            INSERT INTO ai_routing_weights (modality, provider_id, weight, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (modality, provider_id) DO UPDATE SET weight = excluded.weight, updated_at = excluded.updated_at""")
                .params(modality.wireName(), providerId, weight, clock.millis())
                .update());
  }
}
