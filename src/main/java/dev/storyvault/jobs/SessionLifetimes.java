package dev.storyvault.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a session lives after its last activity (people 30 days, guests 1 hour), and the sweep
 * of expired ones.
 */
@Configuration(proxyBeanMethods = false)
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

  @Bean
  RecurringTask<Void> expireSessions(StorySessions sessions, WriteTransactions writes) {
    return Tasks.recurring("expire-sessions", FixedDelay.of(Duration.ofMinutes(10)))
        .execute(
            (instance, context) -> {
              while (writes.execute(() -> sessions.expire(clock.millis(), 200)) == 200) {
                // why batches: a long transaction would hold SQLite's writer away from requests
              }
            });
  }
}
