package dev.storyvault.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.blob.s3.S3BlobStore;
import dev.storyvault.support.S3ProxyServer;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The same contract against a real S3 API server (s3proxy), including multipart uploads. */
class S3BlobStoreTest extends BlobStoreContract {

  @Override
  protected BlobStore createStore() {
    S3Client client =
        S3Client.builder()
            .endpointOverride(URI.create(S3ProxyServer.get().endpoint()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
    S3BlobStore store =
        new S3BlobStore(client, "blobs-" + UUID.randomUUID(), true, 8L * 1024 * 1024);
    store.createBucketIfMissing();
    return store;
  }

  @Test
  void largeBlobsAreSentInPartsAndReadBackWhole() throws Exception {
    byte[] bytes = randomBytes(20 * 1024 * 1024 + 123);
    BlobId id = put(bytes);
    assertThat(store.size(id)).contains((long) bytes.length);
    assertThat(dev.storyvault.support.Media.sha256(read(id, 0, bytes.length))).isEqualTo(id.hex());
    assertThat(read(id, bytes.length - 10, 10))
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
  }
}
