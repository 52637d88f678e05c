package dev.storyvault.blob;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background work of the blob ledger, run by db-scheduler (once per cluster, not once per
 * instance).
 */
@Configuration(proxyBeanMethods = false)
class BlobTasks {

  @Bean
  RecurringTask<Void> collectBlobs(
      BlobCollector collector, @Value("${storyvault.blobs.collect-every:PT10M}") Duration every) {
    return Tasks.recurring("collect-blobs", FixedDelay.of(every))
        .execute((instance, context) -> collector.collectOnSchedule());
  }
}
