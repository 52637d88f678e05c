package dev.storyvault.jobs;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each job's append-only event list; an event's sequence number is its SSE id. */
@Repository
class JobEvents {

  record Event(long seq, long at, String type, String data) {}

  private final JdbcClient jdbc;
  private final dev.storyvault.database.Dialect dialect;
  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A job event", 1 << 20, 32));

  JobEvents(JdbcClient jdbc, dev.storyvault.database.Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** In the caller's write transaction (with the change the event reports). */
  long append(String jobId, String type, Map<String, Object> data, long now) {
    // why lock the job: two appends (a worker's and a cancel's) would otherwise take the same
    // number
    jdbc.sql("SELECT id FROM jobs WHERE id = ?" + dialect.lockForUpdate())
        .param(jobId)
        .query(String.class)
        .optional();
    long seq =
        jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = ?")
            .param(jobId)
            .query(Long.class)
            .single();
    jdbc.sql("INSERT INTO job_events (job_id, seq, at, type, data) VALUES (?, ?, ?, ?, ?)")
        .params(jobId, seq, now, type, json.write(data))
        .update();
    return seq;
  }

  List<Event> after(String jobId, long afterSeq, int limit) {
    return jdbc.sql(
            "SELECT seq, at, type, data FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?")
        .params(jobId, afterSeq, limit)
        .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }
}
