package dev.storyvault.trash;

import java.util.Map;

/** What a module stores per owner, for {@code GET /api/admin/storage}. */
public interface StorageUsage {

  /** Owner id → measure name ({@code assets}, {@code asset_bytes}, …) → value. */
  Map<String, Map<String, Long>> byOwner();

  /**
   * Adds to {@code usage} each (owner, value) row that {@code sql} selects, under {@code measure}.
   */
  static void add(
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      Map<String, Map<String, Long>> usage,
      String measure,
      String sql) {
    jdbc.sql(sql)
        .query(
            rs -> {
              usage
                  .computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                  .merge(measure, rs.getLong(2), Long::sum);
            });
  }
}
