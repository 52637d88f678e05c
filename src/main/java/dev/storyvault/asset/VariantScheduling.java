package dev.storyvault.asset;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Queues the standard variants of a newly stored image; the request that wants one first makes it
 * if it is not done.
 */
@Component
class VariantScheduling {

  private static final Logger log = LoggerFactory.getLogger(VariantScheduling.class);

  private final ObjectProvider<SchedulerClient> scheduler;
  private final OneTimeTask<String> task;

  VariantScheduling(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<String> makeVariants) {
    this.scheduler = scheduler;
    this.task = makeVariants;
  }

  void makeVariants(Asset asset, AssetVersion version) {
    if (asset.kind() != AssetKind.IMAGE) return;
    String key = asset.id() + "/" + version.version();
    try {
      // why the wall clock and not the Clock bean: db-scheduler runs a task when its own (system)
      // clock
      // reaches the time given; "now" must be its now
      scheduler.getObject().scheduleIfNotExists(task.instance(key, key), java.time.Instant.now());
    } catch (RuntimeException e) {
      // why not fail the upload: it is committed; the variants will be made on first request
      // instead
      log.warn("Could not queue variants of {}: {}", key, e.toString());
    }
  }
}
