package dev.storyvault.identity;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedOidcTest extends OidcContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.embedded(registry);
    issuer(registry);
  }
}
