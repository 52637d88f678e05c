package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's generation jobs (input, result, every event) and story sessions (every turn). Erased
 * first of all, so no job of theirs goes on making content while the rest is erased.
 */
@Component
@Order(5)
class JobPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final WriteTransactions writes;

  JobPersonalData(JdbcClient jdbc, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "generation";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    for (String job : ids("SELECT id FROM jobs WHERE owner_id = ? ORDER BY id", userId)) {
      archive.rows(
          "generation/jobs/" + job + "/job.json",
          jdbc,
          "SELECT id, type, status, stage, input, result, error, created_at, updated_at"
              + " FROM jobs WHERE id = ?",
          job);
      archive.rows(
          "generation/jobs/" + job + "/events.json",
          jdbc,
          "SELECT seq, at, type, data FROM job_events WHERE job_id = ? ORDER BY seq",
          job);
    }
    for (String session :
        ids("SELECT id FROM story_sessions WHERE owner_id = ? ORDER BY id", userId)) {
      archive.rows(
          "generation/sessions/" + session + "/session.json",
          jdbc,
          "SELECT id, story_id, story_version, bible, characters, seed, variables, summary,"
              + " version, turns, expires_at, created_at, updated_at FROM story_sessions WHERE id = ?",
          session);
      archive.rows(
          "generation/sessions/" + session + "/turns.json",
          jdbc,
          "SELECT turn, kind, input, text, provider, job_id, created_at"
              + " FROM story_session_turns WHERE session_id = ? ORDER BY turn",
          session);
    }
  }

  @Override
  public int erase(String userId, String heir) {
    return writes.execute(
        () -> {
          jdbc.sql(
                  "DELETE FROM job_events WHERE job_id IN (SELECT id FROM jobs WHERE owner_id = ?)")
              .param(userId)
              .update();
          int removed = jdbc.sql("DELETE FROM jobs WHERE owner_id = ?").param(userId).update();
          jdbc.sql(
                  "DELETE FROM story_session_turns WHERE session_id IN"
                      + " (SELECT id FROM story_sessions WHERE owner_id = ?)")
              .param(userId)
              .update();
          return removed
              + jdbc.sql("DELETE FROM story_sessions WHERE owner_id = ?").param(userId).update();
        });
  }

  private List<String> ids(String sql, String userId) {
    return jdbc.sql(sql).param(userId).query(String.class).list();
  }
}
