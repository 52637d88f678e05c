package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring URLs for private content: HMAC-SHA256 over method, path, expiry and key id,
 * checked in constant time. Any instance (or a CDN edge given the key) can verify them without a
 * session.
 */
@Component
public class SignedUrls {

  private final WriteTransactions writes;

  private final Clock clock;

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final JdbcClient jdbc;

  SignedUrls(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.writes = writes;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public record Key(String id, byte[] secret) {}

  /**
   * A path with {@code expires}, {@code kid} and {@code sig} query parameters, valid for GET and
   * HEAD.
   */
  public String sign(String path, long expiresEpochSeconds) {
    Key key = currentKey();
    return path
        + "?expires="
        + expiresEpochSeconds
        + "&kid="
        + key.id()
        + "&sig="
        + signature(key, path, expiresEpochSeconds);
  }

  /**
   * Passes only for an unexpired URL signed, for exactly this path, by a live key; throws
   * otherwise.
   */
  public void verify(String path, String expires, String kid, String sig) {
    long expiry;
    try {
      expiry = Long.parseLong(expires);
    } catch (NumberFormatException | NullPointerException e) {
      throw refused("The signed URL has no valid expiry.");
    }
    Optional<Key> key = kid == null ? Optional.empty() : liveKey(kid);
    String expected = key.map(k -> signature(k, path, expiry)).orElse("");
    boolean matches =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            (sig == null ? "-" : sig).getBytes(StandardCharsets.US_ASCII));
    if (key.isEmpty() || !matches)
      throw refused("The URL's signature does not match; it was changed or its key retired.");
    if (expiry < clock.millis() / 1000) throw refused("The signed URL has expired.");
  }

  /** A signature over render parameters (no expiry): "kid.sig". */
  public String signParameters(String canonical) {
    Key key = currentKey();
    return key.id() + "." + parameterSignature(key, canonical);
  }

  /**
   * True only when {@code token} is a live key's signature over exactly these parameters
   * (constant-time).
   */
  public boolean parametersSigned(String canonical, String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    Optional<Key> key = dot <= 0 ? Optional.empty() : liveKey(token.substring(0, dot));
    String expected = key.map(k -> k.id() + "." + parameterSignature(k, canonical)).orElse("");
    return key.isPresent()
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII));
  }

  public Key rotate() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Key key = new Key("k" + ApiKeys.randomKeyId(), secret);
    writes.execute(
        () ->
            jdbc.sql("INSERT INTO signing_keys (id, secret, created_at) VALUES (?, ?, ?)")
                .params(key.id(), Base64.getEncoder().encodeToString(key.secret()), clock.millis())
                .update());
    return key;
  }

  public boolean retire(String kid) {
    return writes.execute(
            () ->
                jdbc.sql(
                        "UPDATE signing_keys SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
                    .params(clock.millis(), kid)
                    .update())
        == 1;
  }

  List<Map<String, Object>> keys() {
    return jdbc.sql("SELECT id, created_at, retired_at FROM signing_keys ORDER BY created_at DESC")
        .query(
            (rs, n) ->
                Map.<String, Object>of(
                    "id",
                    rs.getString(1),
                    "created_at",
                    java.time.Instant.ofEpochMilli(rs.getLong(2)).toString(),
                    "retired",
                    rs.getObject(3) != null))
        .list();
  }

  private Key currentKey() {
    return jdbc.sql(
            "SELECT id, secret FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
        .query((rs, n) -> new Key(rs.getString(1), Base64.getDecoder().decode(rs.getString(2))))
        .optional()
        .orElseGet(this::rotate);
  }

  private Optional<Key> liveKey(String kid) {
    return jdbc.sql("SELECT id, secret FROM signing_keys WHERE id = ? AND retired_at IS NULL")
        .param(kid)
        .query((rs, n) -> new Key(rs.getString(1), Base64.getDecoder().decode(rs.getString(2))))
        .optional();
  }

  private static String signature(Key key, String path, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(
              ("GET\n" + path + "\n" + expires + "\n" + key.id()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String parameterSignature(Key key, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      // why a prefix: a parameter signature can never be replayed as a URL signature, nor the
      // reverse
      byte[] digest = mac.doFinal(("RENDER\n" + canonical).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiProblem refused(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "invalid-signature", "Invalid signed URL", detail);
  }
}
