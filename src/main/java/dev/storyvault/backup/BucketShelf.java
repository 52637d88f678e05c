package dev.storyvault.backup;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Manifests as objects under {@code manifests/} in the backup bucket. */
final class BucketShelf implements Shelf {

  private static final String PREFIX = "manifests/";

  private final S3Client s3;
  private final String bucket;

  BucketShelf(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public void put(String name, byte[] bytes) {
    s3.putObject(
        b -> b.bucket(bucket).key(PREFIX + Manifest.checkedName(name)),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public Optional<byte[]> get(String name) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + Manifest.checkedName(name)))
              .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> list() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents().stream()
        .map(o -> o.key().substring(PREFIX.length()))
        .filter(Manifest::isName)
        .sorted()
        .toList();
  }

  @Override
  public void delete(String name) {
    s3.deleteObject(b -> b.bucket(bucket).key(PREFIX + Manifest.checkedName(name)));
  }
}
