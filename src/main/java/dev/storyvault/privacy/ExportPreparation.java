package dev.storyvault.privacy;

import dev.storyvault.blob.BlobLedger;
import dev.storyvault.blob.StoredBlob;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes an export in the background: the zip is written to a temporary file, stored as a blob and
 * referenced by the export's row until it expires. A row still preparing when the server starts (a
 * crash) is made again.
 */
@Component
class ExportPreparation {

  private static final Logger log = LoggerFactory.getLogger(ExportPreparation.class);

  private final PersonalExports exports;
  private final PersonalDataExport writer;
  private final BlobLedger ledger;
  private final WriteTransactions writes;
  private final Clock clock;
  private final Duration keepFor;
  private final Path tempDir;

  ExportPreparation(
      PersonalExports exports,
      PersonalDataExport writer,
      BlobLedger ledger,
      WriteTransactions writes,
      Clock clock,
      @Value("${storyvault.personal-data.export-kept-for:P1D}") Duration keepFor,
      @Value("${storyvault.uploads.temp-dir:${storyvault.data-dir}/tmp}") String tempDir) {
    this.exports = exports;
    this.writer = writer;
    this.ledger = ledger;
    this.writes = writes;
    this.clock = clock;
    this.keepFor = keepFor;
    this.tempDir = Path.of(tempDir);
  }

  /** Starts an export of {@code userId}'s data; its id. */
  String start(String userId) {
    String id = Ids.next("pex");
    Instant now = clock.instant();
    writes.run(() -> exports.insert(id, userId, now, now.plus(keepFor)));
    Thread.ofVirtual().name("personal-export-" + id).start(() -> make(id, userId));
    return id;
  }

  private void make(String id, String userId) {
    try {
      Files.createDirectories(tempDir);
      Path file = Files.createTempFile(tempDir, "personal-export-", ".zip");
      try {
        try (OutputStream out = Files.newOutputStream(file)) {
          writer.write(userId, out);
        }
        StoredBlob stored = ledger.store(file);
        writes.run(
            () -> {
              if (!ledger.reference(stored.blob()))
                throw new IllegalStateException("the export's blob was being collected");
              if (!exports.ready(id, stored.blob().hex(), stored.size()))
                ledger.release(stored.blob());
            });
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Personal export {} failed: {}", id, e.toString());
      writes.run(() -> exports.failed(id, "The export could not be made; ask for a new one."));
    }
  }

  /** Exports a crash interrupted, made again. */
  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    for (PersonalExports.Export e : exports.where("status = 'preparing'"))
      Thread.ofVirtual().name("personal-export-" + e.id()).start(() -> make(e.id(), e.userId()));
  }
}
