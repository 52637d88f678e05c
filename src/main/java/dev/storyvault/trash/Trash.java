package dev.storyvault.trash;

import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trash's rows; {@link #put} runs in the deleting module's transaction. */
@Repository
public class Trash {

  private static final String COLUMNS =
      "id, kind, item_id, owner_id, title, size_bytes, payload, deleted_at, purge_after";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration grace;

  Trash(
      JdbcClient jdbc,
      Clock clock,
      @Value("${storyvault.cleanup.grace-period:P7D}") Duration grace) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.grace = grace;
  }

  /** Keeps a deleted item until the grace period ends. */
  public void put(
      String kind, String itemId, String ownerId, String title, long sizeBytes, String payload) {
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO trash_items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Ids.next("trs"),
            kind,
            itemId,
            ownerId,
            title == null ? "" : title.substring(0, Math.min(200, title.length())),
            sizeBytes,
            payload,
            now.toEpochMilli(),
            now.plus(grace).toEpochMilli())
        .update();
  }

  Optional<TrashedItem> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM trash_items WHERE id = ?")
        .param(id)
        .query(Trash::item)
        .optional();
  }

  List<TrashedItem> where(String condition, Object... params) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM trash_items WHERE " + condition)
        .params(params)
        .query(Trash::item)
        .list();
  }

  boolean remove(String id) {
    return jdbc.sql("DELETE FROM trash_items WHERE id = ?").param(id).update() == 1;
  }

  /** Items and bytes in the trash, per owner ("" for all). */
  List<Object[]> totals() {
    return jdbc.sql(
            "SELECT owner_id, COUNT(*), COALESCE(SUM(size_bytes), 0) FROM trash_items GROUP BY owner_id")
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})
        .list();
  }

  private static TrashedItem item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TrashedItem(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        Instant.ofEpochMilli(rs.getLong(9)));
  }
}
