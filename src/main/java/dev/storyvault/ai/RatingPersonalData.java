package dev.storyvault.ai;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's ratings of generated content. Erased with them; the routing weights already learnt
 * from them are aggregates over everyone and name no one.
 */
@Component
@Order(50)
class RatingPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final WriteTransactions writes;

  RatingPersonalData(JdbcClient jdbc, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "ratings";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    archive.rows(
        "ratings/ratings.json",
        jdbc,
        "SELECT id, modality, provider_id, score, target, created_at FROM ai_ratings"
            + " WHERE user_id = ? ORDER BY id",
        userId);
  }

  @Override
  public int erase(String userId, String heir) {
    return writes.execute(
        () -> jdbc.sql("DELETE FROM ai_ratings WHERE user_id = ?").param(userId).update());
  }
}
