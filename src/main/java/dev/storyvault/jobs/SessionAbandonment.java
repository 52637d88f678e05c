package dev.storyvault.jobs;

import dev.storyvault.trash.Abandonable;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Expired sessions (expired before the cutoff): out of every read since they expired, marked by the
 * nightly cleanup and removed with their turns after the grace period.
 */
@Component
class SessionAbandonment implements Abandonable {

  private final JdbcClient jdbc;
  private final StorySessions sessions;

  SessionAbandonment(JdbcClient jdbc, StorySessions sessions) {
    this.jdbc = jdbc;
    this.sessions = sessions;
  }

  @Override
  public String kind() {
    return "session";
  }

  @Override
  public List<Candidate> abandoned(Instant cutoff, int limit) {
    return jdbc.sql(
            "SELECT id, owner_id, LENGTH(bible) + LENGTH(summary) + LENGTH(variables)"
                + " FROM story_sessions WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
        .params(cutoff.toEpochMilli(), limit)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), "session", rs.getLong(3)))
        .list();
  }

  @Override
  public boolean removeIfAbandoned(String itemId, Instant cutoff) {
    boolean expired =
        jdbc.sql("SELECT COUNT(*) FROM story_sessions WHERE id = ? AND expires_at < ?")
                .params(itemId, cutoff.toEpochMilli())
                .query(Long.class)
                .single()
            > 0;
    return expired && sessions.delete(itemId);
  }
}
