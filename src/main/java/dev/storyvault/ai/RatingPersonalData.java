package dev.storyvault.ai;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.OwnedRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's ratings of generated content. Erased with them; the routing weights already learnt
 * from them are aggregates over everyone and name no one.
 */
@Component
@Order(50)
class RatingPersonalData extends OwnedRows {

  RatingPersonalData(JdbcClient jdbc, WriteTransactions writes) {
    super(
        jdbc,
        writes,
        "ratings",
        "ai_ratings",
        "user_id",
        "id, modality, provider_id, score, target, created_at");
  }
}
