package dev.storyvault.ai;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live, cheap checks of providers (admins, {@code ?probe=true}): ok, or the reason it failed. */
final class Probes {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private Probes() {}

  static Map<String, String> run(List<? extends AiProvider> providers) {
    Map<String, String> results = new LinkedHashMap<>();
    for (AiProvider provider : providers) {
      if (!provider.available()) {
        results.put(provider.id(), "unconfigured");
        continue;
      }
      try {
        provider.probe(LIMIT);
        results.put(provider.id(), "ok");
      } catch (ProviderFailure failure) {
        results.put(provider.id(), failure.reason().wireName());
      }
    }
    return results;
  }
}
