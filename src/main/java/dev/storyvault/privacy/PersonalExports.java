package dev.storyvault.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exports made in the background: preparing, ready (a blob) or failed, until they expire. */
@Repository
class PersonalExports {

  record Export(
      String id,
      String userId,
      String status,
      String blobHash,
      Long sizeBytes,
      String error,
      Instant createdAt,
      Instant expiresAt) {}

  private static final String COLUMNS =
      "id, user_id, status, blob_hash, size_bytes, error, created_at, expires_at";

  private final JdbcClient jdbc;

  PersonalExports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String id, String userId, Instant now, Instant expires) {
    jdbc.sql(
            "INSERT INTO personal_exports (id, user_id, status, created_at, expires_at)"
                + " VALUES (?, ?, 'preparing', ?, ?)")
        .params(id, userId, now.toEpochMilli(), expires.toEpochMilli())
        .update();
  }

  boolean ready(String id, String blobHash, long sizeBytes) {
    return jdbc.sql(
                "UPDATE personal_exports SET status = 'ready', blob_hash = ?, size_bytes = ?"
                    + " WHERE id = ? AND status = 'preparing'")
            .params(blobHash, sizeBytes, id)
            .update()
        == 1;
  }

  void failed(String id, String error) {
    jdbc.sql("UPDATE personal_exports SET status = 'failed', error = ? WHERE id = ?")
        .params(error, id)
        .update();
  }

  Optional<Export> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM personal_exports WHERE id = ?")
        .param(id)
        .query(this::export)
        .optional();
  }

  List<Export> where(String condition, Object... params) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM personal_exports WHERE " + condition)
        .params(params)
        .query(this::export)
        .list();
  }

  boolean delete(String id) {
    return jdbc.sql("DELETE FROM personal_exports WHERE id = ?").param(id).update() == 1;
  }

  private Export export(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Export(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getObject(5) == null ? null : rs.getLong(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
