package dev.storyvault.ai;

import java.time.Duration;

/** What every provider has, whatever it makes. */
public interface AiProvider {

  ProviderSettings settings();

  default String id() {
    return settings().id();
  }

  /**
   * False when the provider cannot work here at all (no speech engine installed, no key
   * configured).
   */
  default boolean available() {
    return true;
  }

  /**
   * A cheap live check (OpenAI-compatible: {@code GET /v1/models}); throws {@link ProviderFailure}.
   */
  default void probe(Duration timeout) {}
}
