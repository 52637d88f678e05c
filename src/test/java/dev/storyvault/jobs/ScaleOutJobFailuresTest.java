package dev.storyvault.jobs;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ScaleOutServices.class)
class ScaleOutJobFailuresTest extends JobFailuresContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.scaleOut(registry);
    providers(registry);
  }
}
