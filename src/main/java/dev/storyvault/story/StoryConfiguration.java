package dev.storyvault.story;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.storyvault.database.Dialect;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

  @Bean
  StorySearch storySearch(Dialect dialect, JdbcClient jdbc) {
    return dialect == Dialect.POSTGRESQL
        ? new PostgresStorySearch(jdbc)
        : new SqliteStorySearch(jdbc);
  }

  /**
   * Drafts untouched for {@code storyvault.stories.draft-ttl} are deleted, once per cluster per
   * sweep.
   */
  @Bean
  RecurringTask<Void> expireDrafts(
      DraftExpiry expiry, @Value("${storyvault.stories.draft-sweep-every:PT1H}") Duration every) {
    return Tasks.recurring("expire-drafts", FixedDelay.of(every))
        .execute((instance, context) -> expiry.sweep());
  }
}
