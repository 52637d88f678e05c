package dev.storyvault.generationlog;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.OwnedRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's generation history (what they asked for, when, how it went). */
@Component
@Order(40)
class GenerationLogPersonalData extends OwnedRows {

  GenerationLogPersonalData(JdbcClient jdbc, WriteTransactions writes) {
    super(
        jdbc,
        writes,
        "generation-history",
        "generation_logs",
        "owner_id",
        "id, source, input_type, input_size, status, failure_reason, processing_ms, cost,"
            + " providers, story_id, asset_id, job_id, created_at, updated_at");
  }
}
