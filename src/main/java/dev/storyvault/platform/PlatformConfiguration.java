package dev.storyvault.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("dev.storyvault")
@EnableAsync
class PlatformConfiguration {

  /**
   * The one source of the time of day: expiry, TTLs and timestamps read it, so tests can move it.
   * why millisecond ticks: times are stored in milliseconds, and a response must show what was
   * stored.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
