package dev.storyvault.asset;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background work of the asset module, run by db-scheduler (once per cluster, not once per
 * instance).
 */
@Configuration(proxyBeanMethods = false)
class AssetTasks {

  @Bean
  OneTimeTask<String> makeVariants(VariantMaker maker) {
    return Tasks.oneTime("make-variants", String.class)
        .execute(
            (instance, context) -> {
              try {
                maker.make(instance.getData());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }
}
