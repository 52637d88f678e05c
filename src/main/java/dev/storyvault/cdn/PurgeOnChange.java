package dev.storyvault.cdn;

import dev.storyvault.asset.AssetChanged;
import dev.storyvault.asset.AssetDeleted;
import dev.storyvault.story.StoryChanged;
import dev.storyvault.story.StoryDeleted;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Purges the CDN after a change commits, off the request thread. A failing CDN API trips a circuit
 * breaker instead of tying up threads; what it fails to purge still expires (mutable reads live 60 s).
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

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryChanged changed) {
        purge(Purge.story(changed.storyId()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryDeleted deleted) {
        purge(Purge.story(deleted.storyId()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetChanged changed) {
        purge(Purge.asset(changed.assetId()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetDeleted deleted) {
        purge(Purge.asset(deleted.assetId()));
    }

    private void purge(Purge purge) {
        try {
            breaker.executeCheckedSupplier(() -> {
                purger.purge(purge);
                return null;
            });
            meters.counter("storyvault.cdn.purges", "outcome", "done").increment();
        } catch (CallNotPermittedException open) {
            meters.counter("storyvault.cdn.purges", "outcome", "skipped").increment();
        } catch (Throwable e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            meters.counter("storyvault.cdn.purges", "outcome", "failed").increment();
            log.warn("CDN purge of {} failed: {}", purge.keys(), e.toString());
        }
    }
}
