package dev.storyvault.backup;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where a backup target keeps its manifests: small named files ({@code bkp_….json}). */
interface Shelf {

  void put(String name, byte[] bytes) throws IOException;

  Optional<byte[]> get(String name) throws IOException;

  /** Every name on the shelf. */
  List<String> list() throws IOException;

  void delete(String name) throws IOException;
}
