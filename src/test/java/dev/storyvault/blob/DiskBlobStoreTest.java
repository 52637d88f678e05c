package dev.storyvault.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.disk.DiskBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskBlobStoreTest extends BlobStoreContract {

  @Override
  protected BlobStore createStore() throws Exception {
    return new DiskBlobStore(temp.resolve("blobs"));
  }

  @Test
  void blobsLiveInsideTheRootAndLeaveNothingStaged() throws Exception {
    BlobId id = put(randomBytes(2_000));
    Path file = store.localFile(id).orElseThrow();
    assertThat(file.startsWith(temp.resolve("blobs"))).isTrue();
    assertThat(file.getFileName().toString()).isEqualTo(id.hex());
    try (var staged = Files.list(temp.resolve("blobs/.staging"))) {
      assertThat(staged).isEmpty();
    }
  }
}
