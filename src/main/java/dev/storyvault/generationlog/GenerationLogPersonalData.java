package dev.storyvault.generationlog;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's generation history (what they asked for, when, how it went). */
@Component
@Order(40)
class GenerationLogPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final WriteTransactions writes;

  GenerationLogPersonalData(JdbcClient jdbc, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "generation-history";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    archive.rows(
        "generation-history/logs.json",
        jdbc,
        "SELECT id, source, input_type, input_size, status, failure_reason, processing_ms, cost,"
            + " providers, story_id, asset_id, job_id, created_at, updated_at"
            + " FROM generation_logs WHERE owner_id = ? ORDER BY id",
        userId);
  }

  @Override
  public int erase(String userId, String heir) {
    return writes.execute(
        () -> jdbc.sql("DELETE FROM generation_logs WHERE owner_id = ?").param(userId).update());
  }
}
