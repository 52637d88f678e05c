package dev.storyvault.blob.disk;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobNotFoundException;
import dev.storyvault.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs as files under {@code root/ab/cd/<sha256>}. A blob becomes visible only by an atomic rename
 * of a file that has been fsynced, followed by an fsync of its folder: after a crash a blob is
 * either whole or absent.
 */
public class DiskBlobStore implements BlobStore {

  private final Path root;
  private final Path staging;

  public DiskBlobStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.staging = this.root.resolve(".staging");
    Files.createDirectories(staging);
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(BlobId id, Path file) throws IOException {
    Path target = pathOf(id);
    if (Files.exists(target)) return;
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path staged = stage(file);
    fsync(staged);
    // why: rename over an existing identical blob (a concurrent put of the same bytes) is atomic
    // and harmless
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    fsyncFolder(folder);
  }

  private Path stage(Path file) throws IOException {
    Path staged = staging.resolve(UUID.randomUUID().toString());
    try {
      return Files.move(file, staged, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException | NoSuchFileException crossDeviceOrGone) {
      if (!Files.exists(file)) throw crossDeviceOrGone;
      return Files.copy(file, staged);
    }
  }

  @Override
  public Optional<Long> size(BlobId id) throws IOException {
    Path path = pathOf(id);
    try {
      return Optional.of(Files.size(path));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public InputStream open(BlobId id, long offset, long length) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(pathOf(id), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(id);
    }
    channel.position(offset);
    return new BoundedInputStream(Channels.newInputStream(channel), length);
  }

  @Override
  public Optional<Path> localFile(BlobId id) {
    Path path = pathOf(id);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  @Override
  public boolean delete(BlobId id) throws IOException {
    return Files.deleteIfExists(pathOf(id));
  }

  @Override
  public void check() throws IOException {
    if (!Files.isDirectory(root) || !Files.isWritable(staging)) {
      throw new IOException("Blob folder " + root + " is not a writable directory");
    }
  }

  private Path pathOf(BlobId id) {
    Path path = root.resolve(id.shardedKey()).normalize();
    if (!path.startsWith(root)) throw new IllegalArgumentException("Blob path escapes the store");
    return path;
  }

  private static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void fsyncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
