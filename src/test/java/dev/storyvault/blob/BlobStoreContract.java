package dev.storyvault.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyvault.support.Media;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every BlobStore must do; one subclass per backend. */
public abstract class BlobStoreContract {

  @TempDir protected Path temp;

  protected BlobStore store;

  protected abstract BlobStore createStore() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    store = createStore();
  }

  @Test
  void readsBackWhatWasPut() throws IOException {
    byte[] bytes = randomBytes(100_000);
    BlobId id = put(bytes);
    assertThat(store.size(id)).contains(100_000L);
    assertThat(read(id, 0, bytes.length)).isEqualTo(bytes);
  }

  @Test
  void putOfBytesAlreadyStoredIsANoOp() throws IOException {
    byte[] bytes = randomBytes(5_000);
    BlobId id = put(bytes);
    put(bytes);
    assertThat(read(id, 0, bytes.length)).isEqualTo(bytes);
  }

  @Test
  void readsRangesAtTheEdges() throws IOException {
    byte[] bytes = randomBytes(10_000);
    BlobId id = put(bytes);
    assertThat(read(id, 0, 1)).containsExactly(bytes[0]);
    assertThat(read(id, 9_999, 1)).containsExactly(bytes[9_999]);
    assertThat(read(id, 4_096, 4_096)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 4_096, 8_192));
    assertThat(read(id, 5, 0)).isEmpty();
  }

  @Test
  void emptyBlobsAreBlobsToo() throws IOException {
    BlobId id = put(new byte[0]);
    assertThat(store.size(id)).contains(0L);
    assertThat(read(id, 0, 0)).isEmpty();
  }

  @Test
  void aMissingBlobIsNotFound() throws IOException {
    BlobId missing = BlobId.of(Media.sha256("never stored".getBytes()));
    assertThat(store.size(missing)).isEmpty();
    assertThatThrownBy(() -> store.open(missing, 0, 10)).isInstanceOf(BlobNotFoundException.class);
    assertThat(store.delete(missing)).isFalse();
  }

  @Test
  void deleteRemovesTheBlob() throws IOException {
    BlobId id = put(randomBytes(1_000));
    assertThat(store.delete(id)).isTrue();
    assertThat(store.size(id)).isEmpty();
    assertThatThrownBy(() -> store.open(id, 0, 1)).isInstanceOf(BlobNotFoundException.class);
  }

  @Test
  void concurrentPutsOfTheSameBytesStoreOneIntactBlob() throws Exception {
    byte[] bytes = randomBytes(300_000);
    BlobId id = BlobId.of(Media.sha256(bytes));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Path file = Files.write(temp.resolve("same-" + i), bytes);
        puts.add(
            pool.submit(
                () -> {
                  store.put(id, file);
                  return null;
                }));
      }
      for (Future<?> put : puts) put.get();
    } finally {
      pool.shutdown();
    }
    assertThat(Media.sha256(read(id, 0, bytes.length))).isEqualTo(id.hex());
  }

  @Test
  void keysThatTryToEscapeTheRootAreRejected() {
    for (String hostile :
        List.of(
            "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "/" + "a".repeat(63),
            "../" + "a".repeat(61),
            "A".repeat(64),
            "a".repeat(63) + "/",
            "")) {
      assertThatThrownBy(() -> BlobId.of(hostile)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> BlobId.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersItsHealthCheck() throws IOException {
    store.check();
  }

  protected BlobId put(byte[] bytes) throws IOException {
    BlobId id = BlobId.of(Media.sha256(bytes));
    Path file = Files.write(Files.createTempFile(temp, "blob", ".tmp"), bytes);
    store.put(id, file);
    return id;
  }

  protected byte[] read(BlobId id, long offset, long length) throws IOException {
    try (InputStream in = store.open(id, offset, length)) {
      return in.readAllBytes();
    }
  }

  protected static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    return bytes;
  }
}
