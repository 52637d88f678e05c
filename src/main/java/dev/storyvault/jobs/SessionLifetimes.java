package dev.storyvault.jobs;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;

/**
 * How long a session lives after its last activity (people 30 days, guests 1 hour). An expired
 * session is out of every read at once; the nightly cleanup removes it ({@link
 * SessionAbandonment}).
 */
@org.springframework.stereotype.Component
class SessionLifetimes {

  private final Clock clock;
  private final Duration people;
  private final Duration guests;

  SessionLifetimes(
      Clock clock,
      @Value("${storyvault.sessions.ttl:P30D}") Duration people,
      @Value("${storyvault.sessions.guest-ttl:PT1H}") Duration guests) {
    this.clock = clock;
    this.people = people;
    this.guests = guests;
  }

  long expiry(String role) {
    return clock.millis() + ("GUEST".equals(role) ? guests : people).toMillis();
  }
}
