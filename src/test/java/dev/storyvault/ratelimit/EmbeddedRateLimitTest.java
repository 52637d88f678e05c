package dev.storyvault.ratelimit;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedRateLimitTest extends RateLimitContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    lowLimits(registry, "local");
  }
}
