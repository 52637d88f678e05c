package dev.storyvault.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Manifests as files in a folder, each written whole (to a temporary name, synced, renamed). */
final class FolderShelf implements Shelf {

  private final Path dir;

  FolderShelf(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  @Override
  public void put(String name, byte[] bytes) throws IOException {
    Path temporary = dir.resolve(Manifest.checkedName(name) + ".part");
    Files.write(
        temporary,
        bytes,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.SYNC);
    Files.move(
        temporary,
        dir.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Optional<byte[]> get(String name) throws IOException {
    Path file = dir.resolve(Manifest.checkedName(name));
    return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }

  @Override
  public List<String> list() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(Manifest::isName).sorted().toList();
    }
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(dir.resolve(Manifest.checkedName(name)));
  }
}
