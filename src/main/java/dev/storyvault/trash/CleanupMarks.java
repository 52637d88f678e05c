package dev.storyvault.trash;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Marks on abandoned items: when marked, when they may be purged. */
@Repository
class CleanupMarks {

  record Mark(
      String kind,
      String itemId,
      String ownerId,
      String title,
      long sizeBytes,
      Instant markedAt,
      Instant purgeAfter) {}

  private final JdbcClient jdbc;

  CleanupMarks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void mark(String kind, Abandonable.Candidate c, Instant now, Instant purgeAfter) {
    jdbc.sql(
            "INSERT INTO cleanup_marks (kind, item_id, owner_id, title, size_bytes, marked_at, purge_after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, item_id) DO NOTHING")
        .params(
            kind,
            c.itemId(),
            c.ownerId(),
            c.title() == null ? "" : c.title().substring(0, Math.min(200, c.title().length())),
            c.sizeBytes(),
            now.toEpochMilli(),
            purgeAfter.toEpochMilli())
        .update();
  }

  void unmark(String kind, String itemId) {
    jdbc.sql("DELETE FROM cleanup_marks WHERE kind = ? AND item_id = ?")
        .params(kind, itemId)
        .update();
  }

  List<Mark> where(String condition, Object... params) {
    return jdbc.sql(
            "SELECT kind, item_id, owner_id, title, size_bytes, marked_at, purge_after"
                + " FROM cleanup_marks WHERE "
                + condition)
        .params(params)
        .query(
            (rs, n) ->
                new Mark(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    Instant.ofEpochMilli(rs.getLong(6)),
                    Instant.ofEpochMilli(rs.getLong(7))))
        .list();
  }
}
