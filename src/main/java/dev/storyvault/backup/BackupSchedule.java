package dev.storyvault.backup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily backup, then the prune, once per cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "storyvault.backups.scheduled", havingValue = "true")
class BackupSchedule {

  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

  @Bean
  RecurringTask<Void> dailyBackup(
      BackupMaker maker, BackupPruner pruner, BackupProperties properties) {
    return Tasks.recurring(
            "daily-backup", new Daily(ZoneOffset.UTC, LocalTime.parse(properties.dailyAt())))
        .execute(
            (instance, context) -> {
              try {
                maker.create();
                pruner.prune();
              } catch (java.io.IOException e) {
                log.error(
                    "The daily backup failed; it runs again tomorrow, or now with 'backup create'",
                    e);
              }
            });
  }
}
