package dev.storyvault.backup;

import dev.storyvault.blob.BlobStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A backup target: blobs by hash (the database snapshots among them), each stored once across all
 * backups, and the manifests that say which belong to which backup.
 */
record BackupVault(BlobStore blobs, Shelf manifests) {

  Optional<Manifest> manifest(String id) throws IOException {
    String name = id + ".json";
    if (!Manifest.isName(name)) return Optional.empty();
    Optional<byte[]> bytes = manifests.get(name);
    return bytes.isEmpty() ? Optional.empty() : Optional.of(Manifest.parse(bytes.get()));
  }

  /** Newest first; a manifest that cannot be read is left out (verify names it). */
  List<Manifest> all() throws IOException {
    List<Manifest> all = new ArrayList<>();
    for (String name : manifests.list()) {
      try {
        manifests.get(name).map(Manifest::parse).ifPresent(all::add);
      } catch (Manifest.Invalid e) {
        // why: one damaged manifest must not hide the others
      }
    }
    all.sort(Comparator.comparing(Manifest::createdAt).reversed());
    return all;
  }
}
