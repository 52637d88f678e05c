package dev.storyvault.collection;

import dev.storyvault.trash.StorageUsage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many collection documents each owner has. */
@Component
class DocumentUsage implements StorageUsage {

  private final JdbcClient jdbc;

  DocumentUsage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Map<String, Long>> byOwner() {
    Map<String, Map<String, Long>> usage = new HashMap<>();
    StorageUsage.add(
        jdbc,
        usage,
        "documents",
        "SELECT owner_id, COUNT(*) FROM collection_documents WHERE owner_id IS NOT NULL"
            + " GROUP BY owner_id");
    return usage;
  }
}
