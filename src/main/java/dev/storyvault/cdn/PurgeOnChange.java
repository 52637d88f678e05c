package dev.storyvault.cdn;

import dev.storyvault.asset.AssetChanged;
import dev.storyvault.asset.AssetDeleted;
import dev.storyvault.asset.PublicContentWithdrawn;
import dev.storyvault.story.StoryChanged;
import dev.storyvault.story.StoryDeleted;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Purges the CDN after a change commits, off the request thread. Durable: each purge is an event
 * publication stored with the change; a purge that fails (or a crash before it ran) leaves the
 * publication incomplete, and it is sent again (on restart, and by {@code EventRetries}). A failing
 * CDN API trips a circuit breaker instead of tying up threads.
 */
@Component
class PurgeOnChange {

  private static final Logger log = LoggerFactory.getLogger(PurgeOnChange.class);

  private final CachePurger purger;
  private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("cdn-purge");
  private final MeterRegistry meters;

  PurgeOnChange(CachePurger purger, MeterRegistry meters) {
    this.purger = purger;
    this.meters = meters;
  }

  // why NOT_SUPPORTED: a purge is an HTTP call; it must not hold a database transaction (or
  // SQLite's writer)
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(StoryChanged changed) {
    purge(Purge.story(changed.storyId()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(StoryDeleted deleted) {
    purge(Purge.story(deleted.storyId()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(AssetChanged changed) {
    purge(Purge.asset(changed.assetId()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(AssetDeleted deleted) {
    purge(Purge.asset(deleted.assetId()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(PublicContentWithdrawn withdrawn) {
    purge(Purge.publicBlobs(withdrawn.assetId(), withdrawn.blobHashes()));
  }

  private void purge(Purge purge) {
    try {
      breaker.executeCheckedSupplier(
          () -> {
            purger.purge(purge);
            return null;
          });
      meters.counter("storyvault.cdn.purges", "outcome", "done").increment();
    } catch (CallNotPermittedException open) {
      meters.counter("storyvault.cdn.purges", "outcome", "deferred").increment();
      throw new PurgeDeferred("circuit open", open);
    } catch (Throwable e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      meters.counter("storyvault.cdn.purges", "outcome", "failed").increment();
      log.warn("CDN purge of {} failed (will be retried): {}", purge.keys(), e.toString());
      throw new PurgeDeferred(e.toString(), e);
    }
  }

  /** Thrown so the event publication stays incomplete and the purge is sent again later. */
  static final class PurgeDeferred extends RuntimeException {
    PurgeDeferred(String reason, Throwable cause) {
      super("CDN purge deferred: " + reason, cause);
    }
  }
}
