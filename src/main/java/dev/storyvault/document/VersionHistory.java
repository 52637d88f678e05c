package dev.storyvault.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The version-history pattern: every change of a document is a row of {@code <table>} — the
 * document as it was, its version, who made it and when — written in the change's transaction,
 * never updated. The owning module owns the table (columns {@code <idColumn>, version, document,
 * author_id, created_at}).
 */
public final class VersionHistory {

  /** One stored version. */
  public record Version(int version, String document, String authorId, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final String table;
  private final String idColumn;

  public VersionHistory(JdbcClient jdbc, String table, String idColumn) {
    this.jdbc = jdbc;
    this.table = table;
    this.idColumn = idColumn;
  }

  /** In the change's transaction. */
  public void record(String id, int version, String document, String authorId, Instant at) {
    jdbc.sql(
            "INSERT INTO "
                + table
                + " ("
                + idColumn
                + ", version, document, author_id, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(id, version, document, authorId, at.toEpochMilli())
        .update();
  }

  /** Newest first. */
  public List<Version> list(String id) {
    return jdbc.sql(
            "SELECT version, document, author_id, created_at FROM "
                + table
                + " WHERE "
                + idColumn
                + " = ? ORDER BY version DESC")
        .param(id)
        .query(
            (rs, n) ->
                new Version(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  public Optional<String> document(String id, int version) {
    return jdbc.sql("SELECT document FROM " + table + " WHERE " + idColumn + " = ? AND version = ?")
        .params(id, version)
        .query(String.class)
        .optional();
  }

  /**
   * After a person's data was erased: their authorship and every mention of their id in the stored
   * versions of other people's documents are given to {@code heir} (ids are unique tokens, so
   * replacing one inside JSON text changes nothing else).
   */
  public int forget(String personId, String heir) {
    int changed =
        jdbc.sql("UPDATE " + table + " SET author_id = ? WHERE author_id = ?")
            .params(heir, personId)
            .update();
    return changed
        + jdbc.sql(
                "UPDATE " + table + " SET document = REPLACE(document, ?, ?) WHERE document LIKE ?")
            .params(personId, heir, "%" + personId + "%")
            .update();
  }
}
