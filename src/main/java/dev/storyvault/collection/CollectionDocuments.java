package dev.storyvault.collection;

import dev.storyvault.document.VersionHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code collection_documents} table and the documents' versions. */
@Repository
class CollectionDocuments {

  static final String COLUMNS =
      "d.id, d.collection, d.owner_id, d.version, d.document, d.created_at, d.updated_at";
  private static final int PAGE = 500;

  private final JdbcClient jdbc;
  private final CollectionJson json;
  private final FieldSql sql;
  private final VersionHistory versions;

  CollectionDocuments(JdbcClient jdbc, CollectionJson json, FieldSql sql) {
    this.jdbc = jdbc;
    this.json = json;
    this.sql = sql;
    this.versions = new VersionHistory(jdbc, "collection_document_versions", "document_id");
  }

  Optional<CollectionDocument> find(String collection, String id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM collection_documents d WHERE d.id = ? AND d.collection = ?")
        .params(id, collection)
        .query(this::document)
        .optional();
  }

  List<DocumentRow> rows(String sqlText, List<Object> params) {
    return jdbc.sql(sqlText)
        .params(params)
        .query(
            (rs, n) ->
                new DocumentRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    Instant.ofEpochMilli(rs.getLong(6)),
                    Instant.ofEpochMilli(rs.getLong(7))))
        .list();
  }

  void insert(CollectionDocument document, String text, String authorId) {
    jdbc.sql(
            "INSERT INTO collection_documents (id, collection, owner_id, version, document, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, "
                + sql.documentPlaceholder()
                + ", ?, ?)")
        .params(
            document.id(),
            document.collection(),
            document.ownerId(),
            document.version(),
            text,
            document.createdAt().toEpochMilli(),
            document.updatedAt().toEpochMilli())
        .update();
    versions.record(document.id(), document.version(), text, authorId, document.updatedAt());
  }

  /** False when the stored version is no longer {@code expectedVersion}. */
  boolean update(CollectionDocument document, int expectedVersion, String text, String authorId) {
    int rows =
        jdbc.sql(
                "UPDATE collection_documents SET version = ?, document = "
                    + sql.documentPlaceholder()
                    + ", updated_at = ? WHERE id = ? AND version = ?")
            .params(
                document.version(),
                text,
                document.updatedAt().toEpochMilli(),
                document.id(),
                expectedVersion)
            .update();
    if (rows == 1)
      versions.record(document.id(), document.version(), text, authorId, document.updatedAt());
    return rows == 1;
  }

  boolean delete(String id, int expectedVersion) {
    int rows =
        jdbc.sql("DELETE FROM collection_documents WHERE id = ? AND version = ?")
            .params(id, expectedVersion)
            .update();
    if (rows == 1)
      jdbc.sql("DELETE FROM collection_document_versions WHERE document_id = ?").param(id).update();
    return rows == 1;
  }

  long count(String collection) {
    return jdbc.sql("SELECT COUNT(*) FROM collection_documents WHERE collection = ?")
        .param(collection)
        .query(Long.class)
        .single();
  }

  List<VersionHistory.Version> versions(String id) {
    return versions.list(id);
  }

  Optional<String> version(String id, int version) {
    return versions.document(id, version);
  }

  /** Every document of a collection, a page at a time (in the caller's transaction, if any). */
  void forEachInCollection(String collection, Consumer<CollectionDocument> action) {
    String after = "";
    while (true) {
      List<CollectionDocument> page =
          jdbc.sql(
                  "SELECT "
                      + COLUMNS
                      + " FROM collection_documents d WHERE d.collection = ? AND d.id > ? ORDER BY d.id LIMIT ?")
              .params(collection, after, PAGE)
              .query(this::document)
              .list();
      page.forEach(action);
      if (page.size() < PAGE) return;
      after = page.getLast().id();
    }
  }

  CollectionDocument document(ResultSet rs, int row) throws SQLException {
    return new CollectionDocument(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        json.stored(rs.getString(5)),
        Instant.ofEpochMilli(rs.getLong(6)),
        Instant.ofEpochMilli(rs.getLong(7)));
  }
}
