package dev.storyvault.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Small blobs kept in memory. Blobs never change under their hash, so an entry can never be stale;
 * it saves a file open or an S3 round trip on the hottest requests (thumbnails, sprites, JSON).
 */
@Component
class SmallBlobCache {

  private final BlobStore store;
  private final long maxBlob;
  private final Cache<BlobId, byte[]> cache;

  SmallBlobCache(BlobStore store, DeliveryProperties properties) {
    this.store = store;
    this.maxBlob = properties.memoryCacheMaxBlob().toBytes();
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(properties.memoryCacheSize().toBytes())
            .weigher((BlobId id, byte[] bytes) -> bytes.length + 64)
            .build();
  }

  boolean accepts(long size) {
    return size <= maxBlob;
  }

  byte[] bytes(BlobId id, long size) throws IOException {
    try {
      return cache.get(id, key -> load(key, size));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private byte[] load(BlobId id, long size) {
    try (InputStream in = store.open(id, 0, size)) {
      byte[] bytes = in.readNBytes((int) size);
      if (bytes.length != size) throw new IOException("Blob " + id + " is shorter than recorded");
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
