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
 * Finished jobs are pruned after {@code storyvault.jobs.retention}; their history stays in the
 * generation logs.
 */
@Configuration(proxyBeanMethods = false)
class JobTasks {

  @Bean
  RecurringTask<Void> pruneJobs(
      Jobs jobs,
      WriteTransactions writes,
      Clock clock,
      @Value("${storyvault.jobs.retention:P30D}") Duration retention) {
    return Tasks.recurring("prune-jobs", FixedDelay.of(Duration.ofHours(1)))
        .execute(
            (instance, context) -> {
              long before = clock.millis() - retention.toMillis();
              while (writes.execute(() -> jobs.prune(before, 500)) == 500) {
                // why batches: a long transaction would hold SQLite's writer away from requests
              }
            });
  }
}
