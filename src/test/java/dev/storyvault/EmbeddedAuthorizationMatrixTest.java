package dev.storyvault;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedAuthorizationMatrixTest extends AuthorizationMatrixContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    withoutRateLimits(registry);
  }
}
