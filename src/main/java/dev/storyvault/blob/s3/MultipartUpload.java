package dev.storyvault.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One large object sent in 16 MiB parts, each read straight from the file; aborted on any failure.
 */
final class MultipartUpload {

  private static final long PART_SIZE = 16L * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final boolean checksum;

  MultipartUpload(S3Client s3, String bucket, String key, boolean checksum) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.checksum = checksum;
  }

  void upload(Path file, long length) throws IOException {
    String uploadId =
        s3.createMultipartUpload(
                c -> {
                  c.bucket(bucket).key(key);
                  if (checksum) c.checksumAlgorithm(ChecksumAlgorithm.SHA256);
                })
            .uploadId();
    try {
      List<CompletedPart> parts = sendParts(file, length, uploadId);
      s3.completeMultipartUpload(
          c -> c.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException | IOException e) {
      s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
      throw e;
    }
  }

  private List<CompletedPart> sendParts(Path file, long length, String uploadId)
      throws IOException {
    List<CompletedPart> parts = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int number = 1;
      for (long offset = 0; offset < length; offset += PART_SIZE, number++) {
        long size = Math.min(PART_SIZE, length - offset);
        parts.add(sendPart(channel, offset, size, number, uploadId));
      }
    }
    return parts;
  }

  private CompletedPart sendPart(
      FileChannel channel, long offset, long size, int number, String uploadId) throws IOException {
    channel.position(offset);
    InputStream slice =
        new java.io.BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
    UploadPartRequest.Builder request =
        UploadPartRequest.builder()
            .bucket(bucket)
            .key(key)
            .uploadId(uploadId)
            .partNumber(number)
            .contentLength(size);
    if (checksum) request.checksumAlgorithm(ChecksumAlgorithm.SHA256);
    UploadPartResponse response =
        s3.uploadPart(request.build(), RequestBody.fromInputStream(slice, size));
    return CompletedPart.builder()
        .partNumber(number)
        .eTag(response.eTag())
        .checksumSHA256(response.checksumSHA256())
        .build();
  }
}
