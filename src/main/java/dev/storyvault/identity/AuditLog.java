package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authentication failures and admin actions, readable by admins. */
@Repository
public class AuditLog {

  private final WriteTransactions writes;

  private final Clock clock;

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.writes = writes;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public void record(String actorId, String action, String detail, String remoteAddress) {
    writes.execute(
        () ->
            jdbc.sql(
                    "INSERT INTO audit_log (id, at, actor_id, action, detail, remote_address) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                    Ids.next("aud"),
                    clock.millis(),
                    actorId,
                    action,
                    detail.length() > 500 ? detail.substring(0, 500) : detail,
                    remoteAddress)
                .update());
  }

  List<Map<String, Object>> recent(int limit) {
    return jdbc.sql(
            "SELECT id, at, actor_id, action, detail, remote_address FROM audit_log ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, n) -> {
              Map<String, Object> entry = new java.util.LinkedHashMap<>();
              entry.put("id", rs.getString(1));
              entry.put("at", Instant.ofEpochMilli(rs.getLong(2)).toString());
              entry.put("actor_id", rs.getString(3));
              entry.put("action", rs.getString(4));
              entry.put("detail", rs.getString(5));
              entry.put("remote_address", rs.getString(6));
              return entry;
            })
        .list();
  }
}
