package dev.storyvault.asset;

import dev.storyvault.image.ImageProperties;
import dev.storyvault.platform.ApiProblem;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many images render at once. A request that finds every slot busy for longer than the
 * queue wait gets 503 with Retry-After instead of piling up work until memory runs out.
 */
@Component
class RenderSlots {

    private final Semaphore slots;
    private final Duration wait;

    RenderSlots(ImageProperties properties) {
        this.slots = new Semaphore(properties.maxConcurrentRendersOrDefault(), true);
        this.wait = properties.renderQueueWaitOrDefault();
    }

    /** For requests: waits briefly, then answers 503. */
    <T> T withinRequest(Supplier<T> render) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) throw busy();
        try {
            return render.get();
        } finally {
            slots.release();
        }
    }

    /** For background work: waits its turn. */
    <T> T inBackground(Supplier<T> render) throws InterruptedException {
        slots.acquire();
        try {
            return render.get();
        } finally {
            slots.release();
        }
    }

    private static ApiProblem busy() {
        return ApiProblem.busy("render-busy", "Busy rendering", "Every image renderer is busy; try again in a few seconds.", 2);
    }
}
