package dev.storyvault.generationlog;

import dev.storyvault.document.SqlConditions;
import dev.storyvault.platform.Ids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per generation request (002: 100 %): accepted or rejected, then how it ended, with the
 * input's type and size, processing time, cost, providers and what it made. Written in the
 * request's transaction.
 */
@Repository
public class GenerationLogs {

  private final JdbcClient jdbc;

  GenerationLogs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String record(
      String ownerId,
      String source,
      String inputType,
      int inputSize,
      String status,
      String failureReason,
      String jobId,
      long now) {
    String id = Ids.next("gen");
    jdbc.sql(
            """
            INSERT INTO generation_logs (id, owner_id, source, input_type, input_size, status, failure_reason, job_id,
                                         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, ownerId, source, inputType, inputSize, status, failureReason, jobId, now, now)
        .update();
    return id;
  }

  /** A request answered at once (not through a job): how it ended, in the outcome's transaction. */
  public String recordOutcome(
      String ownerId,
      String source,
      String inputType,
      int inputSize,
      String status,
      String failureReason,
      long processingMs,
      double cost,
      String providers,
      String assetId,
      long now) {
    String id = Ids.next("gen");
    jdbc.sql(
            """
            INSERT INTO generation_logs (id, owner_id, source, input_type, input_size, status, failure_reason,
                                         processing_ms, cost, providers, asset_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            ownerId,
            source,
            inputType,
            inputSize,
            status,
            failureReason,
            processingMs,
            cost,
            providers,
            assetId,
            now,
            now)
        .update();
    return id;
  }

  /** The log of an app that generated elsewhere (its own processing time, cost and providers). */
  public String recordExternal(String ownerId, Map<String, Object> entry, long now) {
    String id = Ids.next("gen");
    jdbc.sql(
            """
            INSERT INTO generation_logs (id, owner_id, source, input_type, input_size, status, failure_reason, processing_ms,
                                         cost, providers, story_id, asset_id, created_at, updated_at)
            VALUES (?, ?, 'external', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            ownerId,
            entry.get("input_type"),
            entry.get("input_size"),
            entry.get("status"),
            entry.get("failure_reason"),
            entry.get("processing_ms"),
            entry.get("cost"),
            entry.get("providers"),
            entry.get("story_id"),
            entry.get("asset_id"),
            now,
            now)
        .update();
    return id;
  }

  public void jobEnded(
      String jobId,
      String status,
      String failureReason,
      long processingMs,
      double cost,
      String providers,
      String storyId,
      long now) {
    jdbc.sql(
            """
            UPDATE generation_logs SET status = ?, failure_reason = ?, processing_ms = ?, cost = ?, providers = ?,
                   story_id = ?, updated_at = ? WHERE job_id = ?""")
        .params(status, failureReason, processingMs, cost, providers, storyId, now, jobId)
        .update();
  }

  public List<Map<String, Object>> list(String ownerId, String status, String beforeId, int limit) {
    SqlConditions sql =
        new SqlConditions()
            .append(
                """
        SELECT id, owner_id, source, input_type, input_size, status, failure_reason, processing_ms, cost, providers,
               story_id, asset_id, job_id, created_at FROM generation_logs WHERE 1 = 1""");
    if (ownerId != null) sql.and("owner_id = ?", ownerId);
    if (status != null) sql.and("status = ?", status);
    if (beforeId != null) sql.and("id < ?", beforeId);
    sql.append(" ORDER BY id DESC LIMIT ?", limit);
    return jdbc.sql(sql.sql())
        .params(sql.params())
        .query(
            (rs, n) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              for (String c :
                  List.of(
                      "id",
                      "owner_id",
                      "source",
                      "input_type",
                      "input_size",
                      "status",
                      "failure_reason",
                      "processing_ms",
                      "cost",
                      "providers",
                      "story_id",
                      "asset_id",
                      "job_id")) row.put(c, rs.getObject(c));
              row.put("created_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
              return row;
            })
        .list();
  }
}
