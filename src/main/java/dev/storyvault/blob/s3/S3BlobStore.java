package dev.storyvault.blob.s3;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobNotFoundException;
import dev.storyvault.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code blobs/ab/cd/<sha256>} in an S3-compatible bucket. A put that finds the
 * object already there does nothing; S3 itself only makes an object visible once it is whole.
 */
public class S3BlobStore implements BlobStore {

  private static final String PREFIX = "blobs/";

  private final S3Client s3;
  private final String bucket;
  private final boolean sendChecksum;
  private final long multipartThreshold;

  public S3BlobStore(S3Client s3, String bucket, boolean sendChecksum, long multipartThreshold) {
    this.s3 = s3;
    this.bucket = bucket;
    this.sendChecksum = sendChecksum;
    this.multipartThreshold = multipartThreshold;
  }

  public void createBucketIfMissing() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) throw e;
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public void put(BlobId id, Path file) throws IOException {
    if (size(id).isPresent()) return;
    long length = java.nio.file.Files.size(file);
    if (length > multipartThreshold) {
      new MultipartUpload(s3, bucket, keyOf(id), sendChecksum).upload(file, length);
      return;
    }
    PutObjectRequest.Builder request =
        PutObjectRequest.builder().bucket(bucket).key(keyOf(id)).contentLength(length);
    if (sendChecksum) {
      // why: S3 verifies the bytes against the hash we computed and rejects a corrupted upload
      request.checksumSHA256(Base64.getEncoder().encodeToString(id.digest()));
    }
    s3.putObject(request.build(), RequestBody.fromFile(file));
  }

  @Override
  public Optional<Long> size(BlobId id) {
    try {
      HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(keyOf(id)));
      return Optional.of(head.contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) return Optional.empty();
      throw e;
    }
  }

  @Override
  public InputStream open(BlobId id, long offset, long length) throws IOException {
    if (length <= 0) {
      if (size(id).isEmpty()) throw new BlobNotFoundException(id);
      return InputStream.nullInputStream();
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return s3.getObject(g -> g.bucket(bucket).key(keyOf(id)).range(range));
    } catch (NoSuchKeyException e) {
      throw new BlobNotFoundException(id);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) throw new BlobNotFoundException(id);
      throw new IOException("S3 read of " + id + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean delete(BlobId id) {
    boolean present = size(id).isPresent();
    s3.deleteObject(d -> d.bucket(bucket).key(keyOf(id)));
    return present;
  }

  @Override
  public void check() throws IOException {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      throw new IOException("Bucket " + bucket + " does not answer: " + e.getMessage(), e);
    }
  }

  private static String keyOf(BlobId id) {
    return PREFIX + id.shardedKey();
  }
}
