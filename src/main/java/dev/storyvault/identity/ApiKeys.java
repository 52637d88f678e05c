package dev.storyvault.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import dev.storyvault.platform.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: {@code sv_<key id>_<secret>}. Only a SHA-256 of the secret is stored (the secret has 256
 * bits of entropy, so a slow password hash buys nothing); it is compared in constant time.
 */
@Repository
public class ApiKeys {

    static final String CONFIGURED_ADMIN_KEY_ID = "env-admin";
    private static final Pattern FORMAT = Pattern.compile("sv_([0-9a-z]{12})_([A-Za-z0-9_-]{20,128})");
    private static final long CACHE_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record IssuedKey(String id, String key, String name, String userId, Set<Scope> scopes, Instant createdAt) {}

    public record KeyInfo(String id, String name, String userId, Set<Scope> scopes, Instant createdAt,
                          Instant revokedAt, Instant lastUsedAt) {}

    private record StoredKey(String id, String userId, Role role, Set<Scope> scopes, byte[] secretHash, boolean revoked) {}

    private record Cached(Optional<StoredKey> key, long expires) {}

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

    @Transactional
    public IssuedKey issue(String name, String userId, Set<Scope> scopes) {
        String keyId = randomKeyId();
        String secret = randomSecret();
        Instant now = Instant.now();
        insert(keyId, name, userId, scopes, sha256(secret), now);
        return new IssuedKey(keyId, "sv_" + keyId + "_" + secret, name, userId, scopes, now);
    }

    /** Stores the operator's configured admin key (any string), replacing an earlier one. */
    @Transactional
    public void storeConfiguredAdminKey(String token, String adminUserId) {
        jdbc.sql("DELETE FROM api_keys WHERE id = ?").param(CONFIGURED_ADMIN_KEY_ID).update();
        insert(CONFIGURED_ADMIN_KEY_ID, "configured admin key", adminUserId, Set.of(Scope.values()),
                sha256(token), Instant.now());
        cache.remove(CONFIGURED_ADMIN_KEY_ID);
    }

    public boolean anyActiveAdminKey() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_keys k JOIN users u ON u.id = k.user_id
                WHERE k.revoked_at IS NULL AND u.role = 'ADMIN'""").query(Long.class).single() > 0;
    }

    public List<KeyInfo> list() {
        return jdbc.sql("""
                SELECT id, name, user_id, scopes, created_at, revoked_at, last_used_at
                FROM api_keys ORDER BY created_at DESC""")
                .query((rs, n) -> new KeyInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        parseScopes(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                        instantOrNull(rs.getObject(6)), instantOrNull(rs.getObject(7))))
                .list();
    }

    @Transactional
    public boolean revoke(String keyId) {
        cache.remove(keyId);
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(System.currentTimeMillis(), keyId).update() == 1;
    }

    private void insert(String keyId, String name, String userId, Set<Scope> scopes, byte[] hash, Instant now) {
        jdbc.sql("""
                INSERT INTO api_keys (id, name, user_id, scopes, secret_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(keyId, name, userId, formatScopes(scopes), Base64.getEncoder().encodeToString(hash),
                        now.toEpochMilli())
                .update();
    }

    private Optional<StoredKey> lookup(String keyId) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(keyId);
        if (cached != null && cached.expires() > now) return cached.key();
        Optional<StoredKey> key = load(keyId);
        if (cache.size() > 10_000) cache.clear();
        cache.put(keyId, new Cached(key, now + CACHE_MILLIS));
        key.ifPresent(k -> touch(k.id(), now));
        return key;
    }

    private Optional<StoredKey> load(String keyId) {
        return jdbc.sql("""
                SELECT k.id, k.user_id, u.role, k.scopes, k.secret_hash, k.revoked_at
                FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?""")
                .param(keyId)
                .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        parseScopes(rs.getString(4)), Base64.getDecoder().decode(rs.getString(5)),
                        rs.getObject(6) != null))
                .optional();
    }

    private void touch(String keyId, long now) {
        jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?").params(now, keyId).update();
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
        return Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(Scope::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Instant instantOrNull(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
