package dev.storyvault.export;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetFile;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.blob.StoredBlob;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Digests;
import dev.storyvault.story.Story;
import dev.storyvault.story.StoryCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds an export once per story version and asset versions (the fingerprint), stores it as a blob
 * and serves that until the story or an asset it shows changes. A bounded number build at once.
 */
@Component
class Exports {

  private final Clock clock;

  /** why: bump when a writer's output changes, so cached exports of the old layout are rebuilt. */
  static final String LAYOUT = "1";

  private final Map<ExportFormat, ExportWriter> writers = new LinkedHashMap<>();
  private final StoryCatalog stories;
  private final AssetDirectory assets;
  private final BlobLedger blobs;
  private final StoryExports exports;
  private final WriteTransactions writes;
  private final ExportSlots slots;
  private final Path tempDir;

  Exports(
      List<ExportWriter> writers,
      StoryCatalog stories,
      AssetDirectory assets,
      BlobLedger blobs,
      StoryExports exports,
      WriteTransactions writes,
      ExportSlots slots,
      @Value("${storyvault.uploads.temp-dir}") String tempDir,
      Clock clock) {
    this.clock = clock;
    writers.forEach(w -> this.writers.put(w.format(), w));
    this.stories = stories;
    this.assets = assets;
    this.blobs = blobs;
    this.exports = exports;
    this.writes = writes;
    this.slots = slots;
    this.tempDir = Path.of(tempDir);
  }

  CachedExport obtain(Story story, ExportFormat format) throws IOException, InterruptedException {
    Materials materials = materials(story);
    String fingerprint = fingerprint(materials);
    var cached = exports.find(story.id(), format, fingerprint);
    if (cached.isPresent()) return cached.get();
    try (var slot = slots.acquire().orElseThrow(Exports::busy)) {
      return build(materials, format, fingerprint);
    }
  }

  private CachedExport build(Materials materials, ExportFormat format, String fingerprint)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(tempDir, "export-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        writers.get(format).write(materials, out);
      }
      StoredBlob stored = blobs.store(file);
      CachedExport export =
          new CachedExport(
              materials.story().id(),
              format,
              fingerprint,
              stored.blob(),
              stored.size(),
              clock.instant());
      writes.run(() -> record(export));
      return exports.find(export.storyId(), format, fingerprint).orElse(export);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** One transaction: the new export is referenced, older exports of the format lose theirs. */
  private void record(CachedExport export) {
    if (!exports.insert(export)) return;
    if (!blobs.reference(export.blob())) throw BlobLedger.busy();
    exports
        .deleteOthers(export.storyId(), export.format(), export.fingerprint())
        .forEach(blobs::release);
  }

  private Materials materials(Story story) {
    Map<String, AssetFile> files = new LinkedHashMap<>();
    for (String id : story.content().assetIds()) assets.file(id).ifPresent(f -> files.put(id, f));
    return new Materials(story, stories.document(story), files);
  }

  private static String fingerprint(Materials m) {
    StringBuilder key = new StringBuilder(LAYOUT).append('|').append(m.story().version());
    m.assets()
        .values()
        .forEach(f -> key.append('|').append(f.id()).append('=').append(f.blob().hex()));
    return HexFormat.of().formatHex(Digests.sha256(key.toString())).substring(0, 32);
  }

  private static ApiProblem busy() {
    return ApiProblem.busy(
        "export-busy",
        "Busy exporting",
        "Other exports are being built; try again in a few seconds.",
        5);
  }
}
