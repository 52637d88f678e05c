package dev.storyvault.jobs;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions and their turns; in the caller's write transaction. Never only in a cache. */
@Repository
class StorySessions {

  record Session(
      String id,
      String ownerId,
      String ownerRole,
      String storyId,
      Integer storyVersion,
      Map<String, Object> bible,
      List<String> characters,
      long seed,
      Map<String, Object> variables,
      String summary,
      int version,
      int turns,
      Instant expiresAt,
      Instant createdAt) {}

  record Turn(
      int turn,
      String kind,
      String input,
      String text,
      String provider,
      String jobId,
      Instant createdAt) {}

  private static final String COLUMNS =
      "id, owner_id, owner_role, story_id, story_version, bible, characters, seed, "
          + "variables, summary, version, turns, expires_at, created_at";

  private final JdbcClient jdbc;
  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A session", 1 << 20, 32));

  StorySessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Session s, long now) {
    jdbc.sql(
            "INSERT INTO story_sessions ("
                + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.id(),
            s.ownerId(),
            s.ownerRole(),
            s.storyId(),
            s.storyVersion(),
            json.write(s.bible()),
            json.write(s.characters()),
            s.seed(),
            json.write(s.variables()),
            s.summary(),
            s.version(),
            s.turns(),
            s.expiresAt().toEpochMilli(),
            now,
            now)
        .update();
  }

  /** A live session (not expired at {@code now}). */
  Optional<Session> find(String id, long now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM story_sessions WHERE id = ? AND expires_at > ?")
        .params(id, now)
        .query(this::session)
        .optional();
  }

  List<Session> byOwner(String ownerId, long now, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM story_sessions WHERE owner_id = ? AND expires_at > ? "
                + "ORDER BY created_at DESC LIMIT ?")
        .params(ownerId, now, limit)
        .query(this::session)
        .list();
  }

  List<Turn> turns(String sessionId) {
    return jdbc.sql(
            "SELECT turn, kind, input, text, provider, job_id, created_at FROM story_session_turns "
                + "WHERE session_id = ? ORDER BY turn")
        .param(sessionId)
        .query(
            (rs, n) ->
                new Turn(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7))))
        .list();
  }

  /**
   * Appends turn {@code turn} if the session is still at turn {@code turn - 1}; false if another
   * got there first.
   */
  boolean appendTurn(String sessionId, Turn turn, String summary, long expiresAt, long now) {
    int moved =
        jdbc.sql(
                """
            UPDATE story_sessions SET turns = turns + 1, version = version + 1, summary = ?, expires_at = ?, updated_at = ?
            WHERE id = ? AND turns = ?""")
            .params(summary, expiresAt, now, sessionId, turn.turn() - 1)
            .update();
    if (moved == 0) return false;
    jdbc.sql(
            "INSERT INTO story_session_turns (session_id, turn, kind, input, text, provider, job_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            sessionId,
            turn.turn(),
            turn.kind(),
            turn.input(),
            turn.text(),
            turn.provider(),
            turn.jobId(),
            now)
        .update();
    return true;
  }

  void touch(String id, long expiresAt, long now) {
    jdbc.sql("UPDATE story_sessions SET expires_at = ?, updated_at = ? WHERE id = ?")
        .params(expiresAt, now, id)
        .update();
  }

  boolean delete(String id) {
    jdbc.sql("DELETE FROM story_session_turns WHERE session_id = ?").param(id).update();
    return jdbc.sql("DELETE FROM story_sessions WHERE id = ?").param(id).update() == 1;
  }

  private Session session(ResultSet rs, int row) throws SQLException {
    @SuppressWarnings("unchecked")
    List<String> characters =
        (List<String>)
            (List<?>) json.readStored("{\"c\":" + rs.getString("characters") + "}").get("c");
    Object storyVersion = rs.getObject("story_version");
    return new Session(
        rs.getString("id"),
        rs.getString("owner_id"),
        rs.getString("owner_role"),
        rs.getString("story_id"),
        storyVersion == null ? null : ((Number) storyVersion).intValue(),
        json.readStored(rs.getString("bible")),
        characters,
        rs.getLong("seed"),
        new LinkedHashMap<>(json.readStored(rs.getString("variables"))),
        rs.getString("summary"),
        rs.getInt("version"),
        rs.getInt("turns"),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
