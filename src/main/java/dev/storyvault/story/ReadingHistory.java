package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a person has read (003): recorded when people (not services) open a story, newest first. */
@RestController
class ReadingHistory {

    private final JdbcClient jdbc;

    ReadingHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(Caller caller, Story story) {
        if (caller.isAnonymous() || (caller.role() != Role.USER && caller.role() != Role.GUEST)) return;
        jdbc.sql("""
                INSERT INTO reading_history (user_id, story_id, read_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = excluded.read_at""")
                .params(caller.userId(), story.id(), System.currentTimeMillis()).update();
    }

    @GetMapping("/api/user/history")
    Map<String, Object> history(Caller caller) {
        caller.requireAuthenticated();
        List<Map<String, Object>> items = jdbc.sql("""
                SELECT h.story_id, s.title, h.read_at FROM reading_history h JOIN stories s ON s.id = h.story_id
                WHERE h.user_id = ? ORDER BY h.read_at DESC LIMIT 100""")
                .param(caller.userId())
                .query((rs, n) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("story_id", rs.getString(1));
                    entry.put("title", rs.getString(2));
                    entry.put("read_at", Instant.ofEpochMilli(rs.getLong(3)).toString());
                    return entry;
                })
                .list();
        return Map.of("items", items);
    }
}
