package dev.storyvault.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: real time in milliseconds, plus however far a test moved it.
 */
public final class MovableClock extends Clock {

  private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  private final AtomicLong offsetMillis = new AtomicLong();

  public void advance(Duration by) {
    offsetMillis.addAndGet(by.toMillis());
  }

  @Override
  public Instant instant() {
    return real.instant().plusMillis(offsetMillis.get());
  }

  @Override
  public long millis() {
    return real.millis() + offsetMillis.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** Makes it the application's clock. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
