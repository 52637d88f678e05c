package dev.storyvault.export;

import dev.storyvault.blob.BlobLedger;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.story.StoryDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A deleted story's exports go too; their blobs lose the reference and are collected later.
 * Durable: the publication is stored with the delete, so a crash before this ran means it runs
 * after the restart.
 */
@Component
class ExportCleanup {

  private final StoryExports exports;
  private final BlobLedger blobs;
  private final WriteTransactions writes;

  ExportCleanup(StoryExports exports, BlobLedger blobs, WriteTransactions writes) {
    this.exports = exports;
    this.blobs = blobs;
    this.writes = writes;
  }

  // why NOT_SUPPORTED: the write goes through the one write path, which opens its own transaction
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(StoryDeleted deleted) {
    writes.run(() -> exports.deleteAll(deleted.storyId()).forEach(blobs::release));
  }
}
