package dev.storyvault.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expired personal exports removed, once per cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class PrivacyTasks {

  @Bean
  RecurringTask<Void> expirePersonalExports(ExportRemoval removal) {
    return Tasks.recurring("expire-personal-exports", FixedDelay.of(Duration.ofMinutes(10)))
        .execute((instance, context) -> removal.expired());
  }
}
