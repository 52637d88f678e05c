package dev.storyvault.identity;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import dev.storyvault.database.WriteTransactions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens for people and guests: {@code svt_<id>_<secret>}, opaque, expiring and revocable.
 * Only a SHA-256 of the secret is stored and it is compared in constant time.
 */
@Repository
public class AccessTokens {

  private final WriteTransactions writes;

  private final Clock clock;

  private static final Pattern FORMAT = Pattern.compile("svt_([0-9a-z]{12})_([A-Za-z0-9_-]{43})");

  private final JdbcClient jdbc;

  /**
   * Stored tokens by id (the hash of the secret, never the secret), until revoked or removed on any
   * instance: a person's every request presents one.
   */
  private final InvalidatedCache<Optional<Stored>> cache;

  AccessTokens(
      JdbcClient jdbc, Clock clock, WriteTransactions writes, Invalidations invalidations) {
    this.writes = writes;
    this.clock = clock;
    this.jdbc = jdbc;
    this.cache =
        new InvalidatedCache<>(
            "access-tokens", Duration.ofMinutes(10), 100_000, clock, invalidations);
  }

  public record Issued(String token, Instant expiresAt) {}

  private record Stored(
      String userId, Role role, byte[] hash, long expiresAt, boolean revoked, Long userExpiresAt) {}

  static boolean looksLikeToken(String token) {
    return token.startsWith("svt_");
  }

  Issued issue(String userId, Duration ttl) {
    String id = ApiKeys.randomKeyId();
    String secret = ApiKeys.randomSecret();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    writes.execute(
        () ->
            jdbc.sql(
                    "INSERT INTO access_tokens (id, user_id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                    id,
                    userId,
                    Base64.getEncoder().encodeToString(ApiKeys.sha256(secret)),
                    now.toEpochMilli(),
                    expires.toEpochMilli())
                .update());
    return new Issued("svt_" + id + "_" + secret, expires);
  }

  Optional<Caller> authenticate(String token) {
    Matcher m = FORMAT.matcher(token);
    if (!m.matches()) return Optional.empty();
    Optional<Stored> stored = cache.get(m.group(1), this::load);
    byte[] expected = stored.map(Stored::hash).orElse(new byte[32]);
    boolean matches = MessageDigest.isEqual(ApiKeys.sha256(m.group(2)), expected);
    long now = clock.millis();
    if (!matches || stored.isEmpty() || stored.get().revoked() || stored.get().expiresAt() <= now)
      return Optional.empty();
    return Optional.of(
        new Caller(stored.get().userId(), stored.get().role(), scopesOf(stored.get().role())));
  }

  private Optional<Stored> load(String id) {
    return jdbc.sql(
            """
                SELECT t.user_id, u.role, t.secret_hash, t.expires_at, t.revoked_at, u.expires_at
                FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1),
                    Role.valueOf(rs.getString(2)),
                    Base64.getDecoder().decode(rs.getString(3)),
                    rs.getLong(4),
                    rs.getObject(5) != null,
                    rs.getObject(6) == null ? null : rs.getLong(6)))
        .optional();
  }

  boolean revoke(String token) {
    Matcher m = FORMAT.matcher(token);
    return m.matches()
        && writes.execute(
                () -> {
                  cache.invalidate(m.group(1));
                  return jdbc.sql(
                          "UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                      .params(clock.millis(), m.group(1))
                      .update();
                })
            == 1;
  }

  /** Inside the transaction that removes the person: their tokens stop working everywhere. */
  int removeAllOf(String userId) {
    List<String> ids =
        jdbc.sql("SELECT id FROM access_tokens WHERE user_id = ?")
            .param(userId)
            .query(String.class)
            .list();
    ids.forEach(cache::invalidate);
    return jdbc.sql("DELETE FROM access_tokens WHERE user_id = ?").param(userId).update();
  }

  static Set<Scope> scopesOf(Role role) {
    return switch (role) {
      case ADMIN -> Set.of(Scope.values());
      case USER, SERVICE -> Set.of(Scope.READ, Scope.WRITE);
      case GUEST -> Set.of(Scope.READ);
    };
  }
}
