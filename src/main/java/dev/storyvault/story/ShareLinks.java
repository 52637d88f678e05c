package dev.storyvault.story;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.Digests;
import dev.storyvault.platform.Ids;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revocable read links to one story. The token is shown once; only its SHA-256 is stored. */
@Repository
class ShareLinks {

  private final WriteTransactions writes;

  private final Clock clock;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  ShareLinks(JdbcClient jdbc, Clock clock, WriteTransactions writes) {
    this.writes = writes;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  record Link(String id, String storyId, Instant createdAt, Instant revokedAt) {}

  record Issued(String id, String token, Instant createdAt) {}

  Issued issue(String storyId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String id = Ids.next("lnk");
    Instant now = clock.instant();
    writes.execute(
        () ->
            jdbc.sql(
                    "INSERT INTO share_links (id, story_id, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(id, storyId, hash(token), now.toEpochMilli())
                .update());
    return new Issued(id, token, now);
  }

  /** The story a live token opens; lookup by hash, so timing says nothing about other tokens. */
  Optional<String> storyOf(String token) {
    if (token == null || token.length() > 64) return Optional.empty();
    return jdbc.sql("SELECT story_id FROM share_links WHERE token_hash = ? AND revoked_at IS NULL")
        .param(hash(token))
        .query(String.class)
        .optional();
  }

  List<Link> of(String storyId) {
    return jdbc.sql(
            "SELECT id, story_id, created_at, revoked_at FROM share_links WHERE story_id = ? ORDER BY id DESC")
        .param(storyId)
        .query(
            (rs, n) ->
                new Link(
                    rs.getString(1),
                    rs.getString(2),
                    Instant.ofEpochMilli(rs.getLong(3)),
                    rs.getObject(4) == null ? null : Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  boolean revoke(String storyId, String linkId) {
    return writes.execute(
            () ->
                jdbc.sql(
                        "UPDATE share_links SET revoked_at = ? WHERE id = ? AND story_id = ? AND revoked_at IS NULL")
                    .params(clock.millis(), linkId, storyId)
                    .update())
        == 1;
  }

  private static String hash(String token) {
    return HexFormat.of().formatHex(Digests.sha256(token));
  }
}
