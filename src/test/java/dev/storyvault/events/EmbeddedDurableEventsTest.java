package dev.storyvault.events;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedDurableEventsTest extends DurableEventsContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    cdn(registry);
  }
}
