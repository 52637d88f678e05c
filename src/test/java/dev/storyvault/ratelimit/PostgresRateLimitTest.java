package dev.storyvault.ratelimit;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Scale-out mode with buckets in Postgres: two instances share one limit. */
@ExtendWith(ScaleOutServices.class)
class PostgresRateLimitTest extends SharedRateLimitContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.scaleOut(registry);
    lowLimits(registry, "postgresql");
  }
}
