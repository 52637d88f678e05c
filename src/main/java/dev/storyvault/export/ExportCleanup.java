package dev.storyvault.export;

import dev.storyvault.asset.DerivedBlobs;
import dev.storyvault.story.StoryDeleted;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A deleted story's exports go too; their blobs lose the reference and are collected later. */
@Component
class ExportCleanup {

    private final StoryExports exports;
    private final DerivedBlobs blobs;
    private final TransactionTemplate transaction;

    ExportCleanup(StoryExports exports, DerivedBlobs blobs, TransactionTemplate transaction) {
        this.exports = exports;
        this.blobs = blobs;
        this.transaction = transaction;
    }

    /**
     * why async: after commit the request thread still holds SQLite's writer turn until cleanup; a new
     * write transaction there would wait on itself. On its own thread it is an ordinary transaction.
     */
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryDeleted deleted) {
        transaction.executeWithoutResult(status -> exports.deleteAll(deleted.storyId()).forEach(blobs::release));
    }
}
