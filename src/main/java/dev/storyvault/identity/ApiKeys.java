package dev.storyvault.identity;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Digests;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys: {@code sv_<key id>_<secret>}. Only a SHA-256 of the secret is stored (the secret has
 * 256 bits of entropy, so a slow password hash buys nothing); it is compared in constant time.
 */
@Repository
public class ApiKeys {

  private final Clock clock;

  static final String CONFIGURED_ADMIN_KEY_ID = "env-admin";
  private static final Pattern FORMAT =
      Pattern.compile("sv_([0-9a-z]{12})_([A-Za-z0-9_-]{20,128})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final InvalidatedCache<Optional<StoredKey>> cache;
  private final WriteTransactions writes;
  private final KeyUsage usage;

  ApiKeys(
      JdbcClient jdbc,
      Clock clock,
      WriteTransactions writes,
      Invalidations invalidations,
      KeyUsage usage) {
    this.clock = clock;
    this.writes = writes;
    this.usage = usage;
    this.cache =
        new InvalidatedCache<>("api-keys", Duration.ofSeconds(5), 10_000, clock, invalidations);
    this.jdbc = jdbc;
  }

  public record IssuedKey(
      String id, String key, String name, String userId, Set<Scope> scopes, Instant createdAt) {}

  public record KeyInfo(
      String id,
      String name,
      String userId,
      Set<Scope> scopes,
      Instant createdAt,
      Instant revokedAt,
      Instant lastUsedAt) {}

  private record StoredKey(
      String id, String userId, Role role, Set<Scope> scopes, byte[] secretHash, boolean revoked) {}

  public Optional<Caller> authenticate(String token) {
    Matcher matcher = FORMAT.matcher(token);
    String keyId = matcher.matches() ? matcher.group(1) : CONFIGURED_ADMIN_KEY_ID;
    String secret = matcher.matches() ? matcher.group(2) : token;
    Optional<StoredKey> stored = lookup(keyId);
    byte[] presented = sha256(secret);
    // why: compare even when the key is unknown, so timing does not tell which key ids exist
    byte[] expected = stored.map(StoredKey::secretHash).orElse(new byte[32]);
    boolean matches = MessageDigest.isEqual(presented, expected);
    if (!matches || stored.isEmpty() || stored.get().revoked()) return Optional.empty();
    StoredKey key = stored.get();
    return Optional.of(new Caller(key.userId(), key.role(), key.scopes()));
  }

  public IssuedKey issue(String name, String userId, Set<Scope> scopes) {
    String keyId = randomKeyId();
    String secret = randomSecret();
    Instant now = clock.instant();
    writes.run(() -> insert(keyId, name, userId, scopes, sha256(secret), now));
    return new IssuedKey(keyId, "sv_" + keyId + "_" + secret, name, userId, scopes, now);
  }

  /** Stores the operator's configured admin key (any string), replacing an earlier one. */
  public void storeConfiguredAdminKey(String token, String adminUserId) {
    writes.run(
        () -> {
          jdbc.sql("DELETE FROM api_keys WHERE id = ?").param(CONFIGURED_ADMIN_KEY_ID).update();
          insert(
              CONFIGURED_ADMIN_KEY_ID,
              "configured admin key",
              adminUserId,
              Set.of(Scope.values()),
              sha256(token),
              clock.instant());
          cache.invalidate(CONFIGURED_ADMIN_KEY_ID);
        });
  }

  public boolean anyActiveAdminKey() {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM api_keys k JOIN users u ON u.id = k.user_id
                WHERE k.revoked_at IS NULL AND u.role = 'ADMIN'""")
            .query(Long.class)
            .single()
        > 0;
  }

  public List<KeyInfo> list() {
    return jdbc.sql(
            """
                SELECT id, name, user_id, scopes, created_at, revoked_at, last_used_at
                FROM api_keys ORDER BY created_at DESC""")
        .query(
            (rs, n) ->
                new KeyInfo(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    parseScopes(rs.getString(4)),
                    Instant.ofEpochMilli(rs.getLong(5)),
                    instantOrNull(rs.getObject(6)),
                    instantOrNull(rs.getObject(7))))
        .list();
  }

  /**
   * Effective for every request that starts after this returns (on other instances, once the notice
   * arrives).
   */
  public boolean revoke(String keyId) {
    return writes.execute(
        () -> {
          boolean revoked =
              jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                      .params(clock.millis(), keyId)
                      .update()
                  == 1;
          cache.invalidate(
              keyId); // why here: dropped when this commits, and nothing read before then is kept
          return revoked;
        });
  }

  private void insert(
      String keyId, String name, String userId, Set<Scope> scopes, byte[] hash, Instant now) {
    jdbc.sql(
            """
                INSERT INTO api_keys (id, name, user_id, scopes, secret_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            keyId,
            name,
            userId,
            formatScopes(scopes),
            Base64.getEncoder().encodeToString(hash),
            now.toEpochMilli())
        .update();
  }

  private Optional<StoredKey> lookup(String keyId) {
    Optional<StoredKey> key = cache.get(keyId, this::load);
    key.ifPresent(k -> usage.used(k.id()));
    return key;
  }

  private Optional<StoredKey> load(String keyId) {
    return jdbc.sql(
            """
                SELECT k.id, k.user_id, u.role, k.scopes, k.secret_hash, k.revoked_at
                FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?""")
        .param(keyId)
        .query(
            (rs, n) ->
                new StoredKey(
                    rs.getString(1),
                    rs.getString(2),
                    Role.valueOf(rs.getString(3)),
                    parseScopes(rs.getString(4)),
                    Base64.getDecoder().decode(rs.getString(5)),
                    rs.getObject(6) != null))
        .optional();
  }

  static byte[] sha256(String value) {
    return Digests.sha256(value);
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String randomKeyId() {
    String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) id[i] = alphabet.charAt(RANDOM.nextInt(32));
    return new String(id);
  }

  private static String formatScopes(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
  }

  private static Set<Scope> parseScopes(String scopes) {
    return Arrays.stream(scopes.split(","))
        .filter(s -> !s.isBlank())
        .map(Scope::parse)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Instant instantOrNull(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }
}
