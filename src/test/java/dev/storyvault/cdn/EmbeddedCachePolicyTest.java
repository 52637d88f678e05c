package dev.storyvault.cdn;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedCachePolicyTest extends CachePolicyContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    withRecordingCache(registry);
  }
}
