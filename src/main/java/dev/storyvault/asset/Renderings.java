package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobLedger;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.image.ImageProcessor;
import dev.storyvault.image.ImageRejected;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.image.Rendered;
import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds a stored variant or renders and stores it. Concurrent requests for the same one in this
 * instance share one render; across instances a duplicate render is harmless (same bytes, same
 * hash, one row wins). The blob is durable before its row commits, and a failed render stores
 * nothing.
 */
@Component
class Renderings {

  private final Clock clock;

  private final Variants variants;
  private final ImageProcessor processor;
  private final BlobStore store;
  private final BlobLedger blobs;
  private final WriteTransactions writes;
  private final RenderSlots slots;
  private final ConcurrentHashMap<String, CompletableFuture<StoredVariant>> inFlight =
      new ConcurrentHashMap<>();

  Renderings(
      Variants variants,
      ImageProcessor processor,
      BlobStore store,
      BlobLedger blobs,
      WriteTransactions writes,
      RenderSlots slots,
      Clock clock) {
    this.clock = clock;
    this.variants = variants;
    this.processor = processor;
    this.store = store;
    this.blobs = blobs;
    this.writes = writes;
    this.slots = slots;
  }

  /** For a request: waits briefly for a render slot, else 503. */
  StoredVariant obtain(AssetVersion source, String name, ImageRequest request) {
    Optional<StoredVariant> stored = variants.find(source.assetId(), source.version(), name);
    if (stored.isPresent()) return stored.get();
    return shared(source, name, () -> slots.withinRequest(() -> render(source, name, request)));
  }

  /** For background work: waits for a slot as long as it takes. */
  StoredVariant obtainInBackground(AssetVersion source, String name, ImageRequest request)
      throws InterruptedException {
    Optional<StoredVariant> stored = variants.find(source.assetId(), source.version(), name);
    if (stored.isPresent()) return stored.get();
    return slots.inBackground(() -> render(source, name, request));
  }

  private StoredVariant shared(AssetVersion source, String name, Supplier<StoredVariant> work) {
    String key = source.assetId() + "/" + source.version() + "/" + name;
    CompletableFuture<StoredVariant> mine = new CompletableFuture<>();
    CompletableFuture<StoredVariant> running = inFlight.putIfAbsent(key, mine);
    if (running != null) return join(running);
    try {
      mine.complete(work.get());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
    } finally {
      inFlight.remove(key, mine);
    }
    return join(mine);
  }

  private static StoredVariant join(CompletableFuture<StoredVariant> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private StoredVariant render(AssetVersion source, String name, ImageRequest request) {
    Rendered rendered;
    try {
      rendered = processor.render(read(source), request);
    } catch (ImageRejected rejected) {
      throw unrenderable(rejected);
    }
    BlobId blob = storeBytes(rendered.bytes());
    StoredVariant variant =
        new StoredVariant(
            source.assetId(),
            source.version(),
            name,
            blob,
            rendered.format().mimeType(),
            rendered.width(),
            rendered.height(),
            rendered.bytes().length,
            clock.instant());
    Boolean recorded =
        writes.execute(
            () -> {
              if (!variants.insert(variant)) return false;
              if (!blobs.reference(blob)) throw BlobLedger.busy();
              return true;
            });
    if (Boolean.TRUE.equals(recorded)) return variant;
    return variants.find(source.assetId(), source.version(), name).orElseThrow(BlobLedger::busy);
  }

  private BlobId storeBytes(byte[] bytes) {
    try {
      return blobs.store(bytes).blob();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] read(AssetVersion source) {
    try (InputStream in = store.open(source.blob(), 0, source.sizeBytes())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiProblem unrenderable(ImageRejected rejected) {
    String slug =
        rejected.reason().equals("unsupported-output")
            ? "unsupported-output"
            : "image-unrenderable";
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT, slug, "Image cannot be rendered", rejected.getMessage());
  }
}
