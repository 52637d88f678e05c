package dev.storyvault.privacy;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.AuditLog;
import dev.storyvault.identity.PersonalData;
import dev.storyvault.identity.Users;
import dev.storyvault.platform.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a person's data, module by module ({@link PersonalData}, in order). The request is written
 * first and removed last, so an erasure a crash interrupted runs again when the server starts. What
 * remains is one audit entry that names no one, with the counts removed.
 */
@Component
public class PersonalDataErasure {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

  private final List<PersonalData> parts;
  private final Users users;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final Clock clock;

  PersonalDataErasure(
      List<PersonalData> parts,
      Users users,
      AuditLog audit,
      JdbcClient jdbc,
      WriteTransactions writes,
      Clock clock) {
    this.parts = parts;
    this.users = users;
    this.audit = audit;
    this.jdbc = jdbc;
    this.writes = writes;
    this.clock = clock;
  }

  /** Erases everything of {@code userId}; how many items each part removed. */
  public Map<String, Integer> erase(String userId) {
    if (Users.ADMIN_ID.equals(userId) || Users.HEIR_ID.equals(userId))
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "account-not-erasable",
          "Account cannot be erased",
          "The built-in operator and placeholder accounts hold no person's data.");
    writes.run(
        () -> {
          if (jdbc.sql("SELECT COUNT(*) FROM personal_data_erasures WHERE user_id = ?")
                  .param(userId)
                  .query(Long.class)
                  .single()
              == 0)
            jdbc.sql("INSERT INTO personal_data_erasures (user_id, requested_at) VALUES (?, ?)")
                .params(userId, clock.millis())
                .update();
        });
    return run(userId);
  }

  private Map<String, Integer> run(String userId) {
    String heir = users.ensureHeir();
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (PersonalData part : parts)
      removed.merge(part.section(), part.erase(userId, heir), Integer::sum);
    writes.run(
        () -> {
          jdbc.sql("DELETE FROM personal_data_erasures WHERE user_id = ?").param(userId).update();
          audit.record(null, "user.data-erased", "removed " + removed, null);
        });
    return removed;
  }

  /** Erasures a crash interrupted, finished. */
  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    List<String> pending =
        jdbc.sql("SELECT user_id FROM personal_data_erasures ORDER BY requested_at")
            .query(String.class)
            .list();
    Thread.ofVirtual()
        .name("erasure-resume")
        .start(
            () -> {
              for (String userId : pending) {
                try {
                  run(userId);
                } catch (RuntimeException e) {
                  log.warn("An interrupted erasure could not be finished yet: {}", e.toString());
                }
              }
            });
  }
}
