package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import dev.storyvault.platform.ApiProblem;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A person's own preferences (003): one free-form JSON object of at most 16 KiB. */
@RestController
class PreferencesController {

    private final WriteTransactions writes;

    private final Clock clock;

    private static final int MAX_BYTES = 16 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PreferencesController(JdbcClient jdbc, JsonMapper json, Clock clock, WriteTransactions writes) {
        this.writes = writes;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/user/preferences")
    Map<String, Object> get(Caller caller) {
        caller.requireAuthenticated();
        return jdbc.sql("SELECT document FROM user_preferences WHERE user_id = ?").param(caller.userId())
                .query(String.class).optional()
                .map(doc -> json.readValue(doc, new TypeReference<Map<String, Object>>() {}))
                .orElse(Map.of());
    }

    @PutMapping("/api/user/preferences")
    Map<String, Object> put(Caller caller, @RequestBody Map<String, Object> preferences) {
        caller.requireAuthenticated();
        String document = json.writeValueAsString(preferences);
        if (document.length() > MAX_BYTES) throw ApiProblem.tooLarge("Preferences have at most " + MAX_BYTES + " bytes of JSON.");
        long now = clock.millis();
        writes.execute(() -> jdbc.sql("""
                INSERT INTO user_preferences (user_id, document, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at""")
                .params(caller.userId(), document, now).update());
        return preferences;
    }
}
