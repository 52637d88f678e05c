package dev.storyvault.events;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ScaleOutServices.class)
class ScaleOutDurableEventsTest extends DurableEventsContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.scaleOut(registry);
    cdn(registry);
  }
}
