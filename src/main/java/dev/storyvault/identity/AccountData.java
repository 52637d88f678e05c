package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account itself, last of a person's data: profile, keys' and tokens' metadata (never their
 * hashes), preferences, and the audit entries of what they did. Erased: keys (revoked first, so no
 * instance keeps one cached), tokens, preferences, the user row; audit entries stay without the
 * person in them (actor replaced by the placeholder, address removed, details naming them
 * replaced).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountData implements PersonalData {

  static final String ERASED = "[erased]";

  private final JdbcClient jdbc;
  private final ApiKeys keys;
  private final WriteTransactions writes;
  private final AccessTokens tokens;

  AccountData(JdbcClient jdbc, ApiKeys keys, WriteTransactions writes, AccessTokens tokens) {
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.keys = keys;
    this.writes = writes;
  }

  @Override
  public String section() {
    return "account";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    archive.rows(
        "account/profile.json",
        jdbc,
        "SELECT id, username, role, login, created_at, expires_at FROM users WHERE id = ?",
        userId);
    archive.rows(
        "account/keys.json",
        jdbc,
        "SELECT id, name, scopes, created_at, revoked_at, last_used_at FROM api_keys"
            + " WHERE user_id = ? ORDER BY id",
        userId);
    archive.rows(
        "account/sign-ins.json",
        jdbc,
        "SELECT id, created_at, expires_at, revoked_at FROM access_tokens WHERE user_id = ? ORDER BY id",
        userId);
    String preferences =
        jdbc.sql("SELECT document FROM user_preferences WHERE user_id = ?")
            .param(userId)
            .query(String.class)
            .optional()
            .orElse("{}");
    archive.file(
        "account/preferences.json",
        new java.io.ByteArrayInputStream(
            preferences.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    archive.rows(
        "account/activity.json",
        jdbc,
        "SELECT id, at, action, detail, remote_address FROM audit_log WHERE actor_id = ? ORDER BY id",
        userId);
  }

  @Override
  public int erase(String userId, String heir) {
    List<String> keyIds =
        jdbc.sql("SELECT id FROM api_keys WHERE user_id = ?")
            .param(userId)
            .query(String.class)
            .list();
    keyIds.forEach(keys::revoke);
    String username =
        jdbc.sql("SELECT username FROM users WHERE id = ?")
            .param(userId)
            .query(String.class)
            .optional()
            .orElse(null);
    return writes.execute(
        () -> {
          int removed = jdbc.sql("DELETE FROM api_keys WHERE user_id = ?").param(userId).update();
          removed += tokens.removeAllOf(userId);
          removed +=
              jdbc.sql("DELETE FROM user_preferences WHERE user_id = ?").param(userId).update();
          scrubAudit(userId, username, heir);
          removed += jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update();
          return removed;
        });
  }

  private void scrubAudit(String userId, String username, String heir) {
    jdbc.sql("UPDATE audit_log SET actor_id = ?, remote_address = NULL WHERE actor_id = ?")
        .params(heir, userId)
        .update();
    jdbc.sql("UPDATE audit_log SET detail = ? WHERE detail LIKE ?")
        .params(ERASED, "%" + userId + "%")
        .update();
    // why only longer names: a detail naming a two-letter user is more likely to name something
    // else, and ids (above) are what entries about a person carry
    if (username != null && username.length() >= 3)
      jdbc.sql("UPDATE audit_log SET detail = ? WHERE detail LIKE ? ESCAPE '\\'")
          .params(ERASED, "%" + likeEscaped(username) + "%")
          .update();
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
