package dev.storyvault.trash;

import java.util.Map;

/** What a module stores per owner, for {@code GET /api/admin/storage}. */
public interface StorageUsage {

  /** Owner id → measure name ({@code assets}, {@code asset_bytes}, …) → value. */
  Map<String, Map<String, Long>> byOwner();
}
