package dev.storyvault.blob;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's rows ({@code blobs}): every stored blob and how many records (asset versions,
 * variants, exports, …) use it.
 *
 * <p>why the states: an upload claims (touches) a blob before writing it, and the collector first
 * marks an unreferenced, long-untouched blob 'deleting', then removes the bytes, then the row. A
 * claim never succeeds on a 'deleting' row, so an upload can never reference bytes that are about
 * to vanish.
 */
@Repository
class LedgerRows {

  private final Clock clock;

  private final JdbcClient jdbc;

  LedgerRows(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** True if claimed; false while the collector is removing this blob (try again shortly). */
  boolean claim(BlobId blob, long size) {
    return jdbc.sql(
                """
                INSERT INTO blobs (hash, size_bytes, ref_count, state, touched_at) VALUES (?, ?, 0, 'live', ?)
                ON CONFLICT (hash) DO UPDATE SET touched_at = excluded.touched_at WHERE blobs.state = 'live'""")
            .params(blob.hex(), size, clock.millis())
            .update()
        == 1;
  }

  boolean addReference(BlobId blob) {
    return jdbc.sql("UPDATE blobs SET ref_count = ref_count + 1 WHERE hash = ? AND state = 'live'")
            .param(blob.hex())
            .update()
        == 1;
  }

  void releaseReference(BlobId blob) {
    jdbc.sql("UPDATE blobs SET ref_count = ref_count - 1, touched_at = ? WHERE hash = ?")
        .params(clock.millis(), blob.hex())
        .update();
  }

  /** Live blobs, their bytes, the bytes all their references would take without sharing. */
  long[] totals() {
    return jdbc.sql(
            "SELECT COUNT(*), COALESCE(SUM(size_bytes), 0), COALESCE(SUM(size_bytes * ref_count), 0)"
                + " FROM blobs WHERE ref_count > 0")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
        .single();
  }

  long referenceCount(BlobId blob) {
    return jdbc.sql("SELECT ref_count FROM blobs WHERE hash = ?")
        .param(blob.hex())
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** Unreferenced blobs untouched since {@code cutoffMillis}, and removals a crash interrupted. */
  List<BlobId> collectable(long cutoffMillis, int limit) {
    return jdbc.sql(
            """
                SELECT hash FROM blobs WHERE (ref_count <= 0 AND touched_at < ?) OR state = 'deleting'
                ORDER BY touched_at LIMIT ?""")
        .params(cutoffMillis, limit)
        .query((rs, n) -> BlobId.of(rs.getString(1)))
        .list();
  }

  boolean markDeleting(BlobId blob, long cutoffMillis) {
    return jdbc.sql(
                """
                UPDATE blobs SET state = 'deleting'
                WHERE hash = ? AND ((ref_count <= 0 AND touched_at < ?) OR state = 'deleting')""")
            .params(blob.hex(), cutoffMillis)
            .update()
        == 1;
  }

  void forget(BlobId blob) {
    jdbc.sql("DELETE FROM blobs WHERE hash = ? AND state = 'deleting'").param(blob.hex()).update();
  }

  /** Live blobs with a hash after {@code afterHex} (empty: from the start), in hash order. */
  List<StoredBlob> live(String afterHex, int limit) {
    return jdbc.sql(
            """
                SELECT hash, size_bytes FROM blobs WHERE state = 'live' AND ref_count > 0 AND hash > ?
                ORDER BY hash LIMIT ?""")
        .params(afterHex, limit)
        .query((rs, n) -> new StoredBlob(BlobId.of(rs.getString(1)), rs.getLong(2)))
        .list();
  }

  /** Whether a pause of collection is in force at {@code nowMillis}. */
  boolean collectionPaused(long nowMillis) {
    return jdbc.sql("SELECT COUNT(*) FROM blob_collection_pauses WHERE until_at > ?")
            .param(nowMillis)
            .query(Long.class)
            .single()
        > 0;
  }

  void pauseCollection(String id, String reason, long untilMillis) {
    jdbc.sql("INSERT INTO blob_collection_pauses (id, reason, until_at) VALUES (?, ?, ?)")
        .params(id, reason, untilMillis)
        .update();
  }

  void endPause(String id) {
    jdbc.sql("DELETE FROM blob_collection_pauses WHERE id = ?").param(id).update();
  }
}
