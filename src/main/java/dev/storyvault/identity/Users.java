package dev.storyvault.identity;

import dev.storyvault.platform.Ids;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

    /** The built-in operator account that the configured or generated admin key belongs to. */
    public static final String ADMIN_ID = "usr_00000000000000000000000000";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record User(String id, String username, Role role) {}

    public String create(String username, Role role) {
        String id = Ids.next("usr");
        insert(id, username, role);
        return id;
    }

    void ensureAdmin() {
        if (find(ADMIN_ID).isEmpty()) insert(ADMIN_ID, "admin", Role.ADMIN);
    }

    public Optional<User> find(String id) {
        return jdbc.sql("SELECT id, username, role FROM users WHERE id = ?").param(id)
                .query((rs, n) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .optional();
    }

    private void insert(String id, String username, Role role) {
        jdbc.sql("INSERT INTO users (id, username, role, created_at) VALUES (?, ?, ?, ?)")
                .params(id, username, role.name(), System.currentTimeMillis())
                .update();
    }
}
