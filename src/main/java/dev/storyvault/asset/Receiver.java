package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Streams an upload to a temporary file while hashing it, so that no upload is ever held in memory
 * and the content address is known the moment the last byte arrives.
 */
@Component
class Receiver {

  static final int HEAD_BYTES = 4096;

  private final Path tempDir;

  Receiver(UploadLimits limits) throws IOException {
    this.tempDir = Path.of(limits.tempDir());
    Files.createDirectories(tempDir);
  }

  /** A received upload; closing it removes what is left of the temporary file. */
  record ReceivedFile(Path path, BlobId blob, long size, byte[] head) implements AutoCloseable {
    @Override
    public void close() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  ReceivedFile receive(InputStream body, long maxBytes) throws IOException {
    Path file = Files.createTempFile(tempDir, "upload-", ".part");
    try (OutputStream out = Files.newOutputStream(file)) {
      MessageDigest sha256 = Digests.newSha256();
      byte[] head = new byte[HEAD_BYTES];
      int headLength = 0;
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) > 0; ) {
        size += n;
        if (size > maxBytes) {
          throw ApiProblem.tooLarge(
              "Uploads of this kind may have at most " + maxBytes + " bytes.");
        }
        if (headLength < HEAD_BYTES) {
          int take = Math.min(n, HEAD_BYTES - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
        }
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      return new ReceivedFile(
          file, BlobId.ofDigest(sha256.digest()), size, Arrays.copyOf(head, headLength));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
