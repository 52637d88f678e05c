package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

  private final WriteTransactions writes;

  private final Clock clock;

  /** The built-in operator account that the configured or generated admin key belongs to. */
  public static final String ADMIN_ID = "usr_00000000000000000000000000";

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.writes = writes;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /**
   * The placeholder account that keeps what an erased person made and other people's content still
   * uses (an illustration in someone else's story); it has no login and no keys.
   */
  public static final String HEIR_ID = "usr_00000000000000000000erased";

  /** The placeholder account's id, made on first use. */
  public String ensureHeir() {
    if (find(HEIR_ID).isEmpty()) {
      writes.execute(
          () ->
              jdbc.sql(
                      "INSERT INTO users (id, username, role, created_at) VALUES (?, ?, ?, ?)"
                          + " ON CONFLICT (id) DO NOTHING")
                  .params(HEIR_ID, "erased", Role.USER.name(), clock.millis())
                  .update());
    }
    return HEIR_ID;
  }

  public record User(String id, String username, Role role) {}

  record Credentials(String id, Role role, String passwordHash, Long expiresAt) {}

  public String create(String username, Role role) {
    String id = Ids.next("usr");
    insert(id, username, role);
    return id;
  }

  /** A person who logs in; false if the login is taken. */
  Optional<String> createWithLogin(String login, String passwordHash, Role role, Long expiresAt) {
    if (credentials(login).isPresent()) return Optional.empty();
    String id = Ids.next("usr");
    writes.execute(
        () ->
            jdbc.sql(
                    "INSERT INTO users (id, username, role, created_at, login, password_hash, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, login, role.name(), clock.millis(), login, passwordHash, expiresAt)
                .update());
    return Optional.of(id);
  }

  Optional<Credentials> credentials(String login) {
    return jdbc.sql("SELECT id, role, password_hash, expires_at FROM users WHERE login = ?")
        .param(login)
        .query(
            (rs, n) ->
                new Credentials(
                    rs.getString(1),
                    Role.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getObject(4) == null ? null : rs.getLong(4)))
        .optional();
  }

  void rename(String id, String username) {
    writes.execute(
        () ->
            jdbc.sql("UPDATE users SET username = ? WHERE id = ? AND username <> ?")
                .params(username, id, username)
                .update());
  }

  void ensureAdmin() {
    if (find(ADMIN_ID).isEmpty()) insert(ADMIN_ID, "admin", Role.ADMIN);
  }

  public Optional<User> find(String id) {
    return jdbc.sql("SELECT id, username, role FROM users WHERE id = ?")
        .param(id)
        .query((rs, n) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
        .optional();
  }

  private void insert(String id, String username, Role role) {
    writes.execute(
        () ->
            jdbc.sql("INSERT INTO users (id, username, role, created_at) VALUES (?, ?, ?, ?)")
                .params(id, username, role.name(), clock.millis())
                .update());
  }
}
