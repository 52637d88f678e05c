package dev.storyvault.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Backends that share buckets: a second instance on the same database and Redis counts against the
 * same limit.
 */
abstract class SharedRateLimitContract extends RateLimitContract {

  @Autowired Environment environment;

  @Test
  void theLimitIsSharedByAllInstances() {
    try (SecondInstance other =
        SecondInstance.ofSameInstallation(
            environment,
            "storyvault.rate-limits.backend",
            "storyvault.rate-limits.namespace",
            "storyvault.rate-limits.groups.read.capacity",
            "storyvault.rate-limits.groups.read.period")) {
      Api bobThere = new Api(other.baseUrl(), null).as(bobKey);
      for (int i = 0; i < LIMIT; i++) {
        assertThat((i % 2 == 0 ? bob : bobThere).get("/api/assets").status()).isEqualTo(200);
      }
      assertThat(bobThere.get("/api/assets").status()).isEqualTo(429);
      assertThat(bob.get("/api/assets").status()).isEqualTo(429);
    }
  }
}
