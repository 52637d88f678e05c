package dev.storyvault.trash;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Items past their grace period purged, and the nightly cleanup of abandoned content, once per
 * cluster (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
class TrashTasks {

  @Bean
  RecurringTask<Void> purgeTrash(
      TrashRoom room, @Value("${storyvault.cleanup.purge-every:PT1H}") Duration every) {
    return Tasks.recurring("purge-trash", FixedDelay.of(every))
        .execute((instance, context) -> room.purgeDue());
  }

  @Bean
  RecurringTask<Void> cleanUpAbandoned(
      Cleanup cleanup, @Value("${storyvault.cleanup.every:P1D}") Duration every) {
    return Tasks.recurring("clean-up-abandoned", FixedDelay.of(every))
        .execute((instance, context) -> cleanup.run(false));
  }
}
