package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own preferences (003): one free-form JSON object of at most 16 KiB, 16 levels deep.
 */
@RestController
class PreferencesController {

  private static final int MAX_BYTES = 16 * 1024;

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("Preferences", MAX_BYTES, 16));
  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final Clock clock;

  PreferencesController(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.writes = writes;
  }

  @GetMapping("/api/user/preferences")
  Map<String, Object> get(Caller caller) {
    caller.requireAuthenticated();
    return jdbc.sql("SELECT document FROM user_preferences WHERE user_id = ?")
        .param(caller.userId())
        .query(String.class)
        .optional()
        .map(json::readStored)
        .orElse(Map.of());
  }

  @PutMapping("/api/user/preferences")
  Map<String, Object> put(Caller caller, HttpServletRequest request) throws IOException {
    caller.requireAuthenticated();
    Map<String, Object> preferences = json.readObject(request.getInputStream());
    String document = json.write(preferences);
    long now = clock.millis();
    writes.run(
        () ->
            jdbc.sql(
                    """
                INSERT INTO user_preferences (user_id, document, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at""")
                .params(caller.userId(), document, now)
                .update());
    return preferences;
  }
}
