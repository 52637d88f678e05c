package dev.storyvault.ai;

/**
 * What {@code GET /api/ai/health} tells an admin about one provider (never a key or a provider's
 * body).
 */
public record ProviderHealth(
    String state,
    int calls,
    Double successRate,
    Long p50Ms,
    Long p95Ms,
    long fallbacks,
    double cost,
    String lastError,
    String lastErrorAt) {

  static ProviderHealth of(ProviderGate<?> gate) {
    CallStats.Snapshot s = gate.stats();
    return new ProviderHealth(
        gate.state().wireName(),
        s.calls(),
        s.successRate(),
        s.p50Ms(),
        s.p95Ms(),
        s.fallbacks(),
        s.cost(),
        s.lastError(),
        s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
  }

  public boolean up() {
    return state.equals("available");
  }
}
