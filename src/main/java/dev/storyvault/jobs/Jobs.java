package dev.storyvault.jobs;

import dev.storyvault.database.Dialect;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.document.SqlConditions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jobs table: the truth about every job. Writes happen in the caller's write transaction. */
@Repository
class Jobs {

  private static final String COLUMNS =
      "id, owner_id, owner_role, type, status, stage, progress, attempts, max_attempts, "
          + "idempotency_key, request_hash, input, state, result, error, cancel_requested, created_at, updated_at";

  private final JdbcClient jdbc;
  private final Dialect dialect;
  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A job document", 4 << 20, 64));

  Jobs(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  void insert(Job job, long now) {
    jdbc.sql(
            "INSERT INTO jobs ("
                + COLUMNS
                + ", run_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            job.id(),
            job.ownerId(),
            job.ownerRole(),
            job.type(),
            job.status().wireName(),
            job.stage(),
            job.progress(),
            job.attempts(),
            job.maxAttempts(),
            job.idempotencyKey(),
            job.requestHash(),
            json.write(job.input()),
            json.write(job.state()),
            null,
            null,
            false,
            now,
            now,
            now)
        .update();
  }

  Optional<Job> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")
        .param(id)
        .query(this::job)
        .optional();
  }

  Optional<Job> byIdempotencyKey(String ownerId, String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE owner_id = ? AND idempotency_key = ?")
        .params(ownerId, key)
        .query(this::job)
        .optional();
  }

  /**
   * Newest first after {@code before} (created_at, id); admins see all when {@code ownerId} is
   * null.
   */
  List<Job> list(
      String ownerId, JobStatus status, String type, long[] beforeAt, String beforeId, int limit) {
    SqlConditions sql = new SqlConditions().append("SELECT " + COLUMNS + " FROM jobs WHERE 1 = 1");
    if (ownerId != null) sql.and("owner_id = ?", ownerId);
    if (status != null) sql.and("status = ?", status.wireName());
    if (type != null) sql.and("type = ?", type);
    if (beforeAt != null)
      sql.and(
          "(created_at < ? OR (created_at = ? AND id < ?))", beforeAt[0], beforeAt[0], beforeId);
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?", limit);
    return jdbc.sql(sql.sql()).params(sql.params()).query(this::job).list();
  }

  /**
   * Takes the next runnable job (queued, or one whose worker's lease ran out) whose owner runs
   * fewer than {@code perOwner} jobs and whose type fewer than {@code perType}, so one person
   * cannot starve the others; its id, or empty. In the caller's write transaction.
   */
  Optional<String> claim(String worker, long now, long leaseUntil, int perOwner, int perType) {
    // why candidates first: the oldest runnable jobs come from an ordered index; only they are
    // counted
    List<String[]> candidates =
        jdbc.sql(
                """
            SELECT id, owner_id, type FROM jobs WHERE status IN (%s) AND run_after <= ?
            AND (lease_until IS NULL OR lease_until < ?) ORDER BY run_after, created_at LIMIT 32%s"""
                    .formatted(JobStatus.runnableList(), dialect.skipLocked()))
            .params(now, now)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    Map<String, Integer> owners = new java.util.HashMap<>();
    Map<String, Integer> types = new java.util.HashMap<>();
    for (String[] c : candidates) {
      if (owners.computeIfAbsent(c[1], o -> running("owner_id", o, now)) >= perOwner) continue;
      if (types.computeIfAbsent(c[2], t -> running("type", t, now)) >= perType) continue;
      int taken =
          jdbc.sql(
                  """
              UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?,
                     status = CASE WHEN status = 'queued' THEN 'processing' ELSE status END
              WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)""")
              .params(worker, leaseUntil, now, c[0], now)
              .update();
      if (taken == 1) return Optional.of(c[0]);
    }
    return Optional.empty();
  }

  private int running(String column, String value, long now) {
    return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE " + column + " = ? AND lease_until >= ?")
        .params(value, now)
        .query(Integer.class)
        .single();
  }

  /**
   * Deletes jobs that ended before {@code before}, with their events; their generation logs stay.
   */
  int prune(long before, int limit) {
    List<String> ids =
        jdbc.sql(
                "SELECT id FROM jobs WHERE status IN ('final_ready', 'failed', 'cancelled', 'dead') "
                    + "AND updated_at < ? ORDER BY updated_at LIMIT ?")
            .params(before, limit)
            .query(String.class)
            .list();
    for (String id : ids) {
      jdbc.sql("DELETE FROM job_events WHERE job_id = ?").param(id).update();
      jdbc.sql("DELETE FROM jobs WHERE id = ?").param(id).update();
    }
    return ids.size();
  }

  /** Extends the leases this worker holds; how many. */
  int heartbeat(String worker, long leaseUntil) {
    return jdbc.sql(
            "UPDATE jobs SET lease_until = ? WHERE lease_owner = ? AND lease_until IS NOT NULL")
        .params(leaseUntil, worker)
        .update();
  }

  void progress(
      String id,
      JobStatus status,
      String stage,
      int progress,
      Map<String, Object> state,
      long now) {
    jdbc.sql(
            """
            UPDATE jobs SET status = ?, stage = ?, progress = CASE WHEN progress > ? THEN progress ELSE ? END,
                   state = ?, updated_at = ? WHERE id = ?""")
        .params(status.wireName(), stage, progress, progress, json.write(state), now, id)
        .update();
  }

  void finish(
      String id,
      JobStatus status,
      Map<String, Object> result,
      Map<String, Object> error,
      long now) {
    jdbc.sql(
            """
            UPDATE jobs SET status = ?, result = ?, error = ?, lease_owner = NULL, lease_until = NULL,
                   progress = CASE WHEN ? = 'final_ready' THEN 100 ELSE progress END, updated_at = ? WHERE id = ?""")
        .params(
            status.wireName(),
            result == null ? null : json.write(result),
            error == null ? null : json.write(error),
            status.wireName(),
            now,
            id)
        .update();
  }

  /** Gives the job back to the queue to run again after {@code runAfter} (its lease released). */
  void later(String id, long runAfter, Map<String, Object> error, long now) {
    jdbc.sql(
            "UPDATE jobs SET run_after = ?, error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?")
        .params(runAfter, json.write(error), now, id)
        .update();
  }

  boolean requestCancel(String id, long now) {
    return jdbc.sql(
                "UPDATE jobs SET cancel_requested = TRUE, updated_at = ? WHERE id = ? AND status IN ("
                    + JobStatus.runnableList()
                    + ")")
            .params(now, id)
            .update()
        == 1;
  }

  boolean requeue(String id, long now) {
    return jdbc.sql(
                """
            UPDATE jobs SET status = 'queued', attempts = 0, error = NULL, run_after = ?, cancel_requested = FALSE,
                   lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('failed', 'dead')""")
            .params(now, now, id)
            .update()
        == 1;
  }

  boolean cancelQueued(String id, long now) {
    return jdbc.sql(
                "UPDATE jobs SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'queued' AND lease_owner IS NULL")
            .params(now, id)
            .update()
        == 1;
  }

  int queued() {
    return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
        .query(Integer.class)
        .single();
  }

  Long oldestQueuedAt() {
    return jdbc.sql("SELECT MIN(created_at) FROM jobs WHERE status = 'queued'")
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private Job job(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getString("id"),
        rs.getString("owner_id"),
        rs.getString("owner_role"),
        rs.getString("type"),
        JobStatus.parse(rs.getString("status")),
        rs.getString("stage"),
        rs.getInt("progress"),
        rs.getInt("attempts"),
        rs.getInt("max_attempts"),
        rs.getString("idempotency_key"),
        rs.getString("request_hash"),
        json.readStored(rs.getString("input")),
        json.readStored(rs.getString("state")),
        map(rs.getString("result")),
        map(rs.getString("error")),
        rs.getBoolean("cancel_requested"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private Map<String, Object> map(String stored) {
    return stored == null ? null : json.readStored(stored);
  }
}
