package dev.storyvault.collection;

import dev.storyvault.database.Dialect;
import dev.storyvault.document.VersionHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code collections} table, and every change of a definition ({@code collection_changes}). */
@Repository
class CollectionDefinitions {

  private final JdbcClient jdbc;
  private final Dialect dialect;
  private final CollectionJson json;
  private final VersionHistory changes;

  CollectionDefinitions(JdbcClient jdbc, Dialect dialect, CollectionJson json) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.json = json;
    this.changes = new VersionHistory(jdbc, "collection_changes", "collection_name");
  }

  Optional<CollectionDefinition> find(String name) {
    return jdbc.sql(
            "SELECT definition, version, built_in, created_at, updated_at FROM collections WHERE name = ?")
        .param(name)
        .query(this::definition)
        .optional();
  }

  List<CollectionDefinition> all() {
    return jdbc.sql(
            "SELECT definition, version, built_in, created_at, updated_at FROM collections ORDER BY name")
        .query(this::definition)
        .list();
  }

  /** False when a collection of that name exists already. */
  boolean insert(CollectionDefinition definition, String authorId) {
    String text = json.write(definition.declaration());
    int rows =
        jdbc.sql(
                "INSERT INTO collections (name, definition, version, built_in, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
            .params(
                definition.name(),
                text,
                definition.version(),
                definition.builtIn(),
                definition.createdAt().toEpochMilli(),
                definition.updatedAt().toEpochMilli())
            .update();
    if (rows == 1) record(definition, text, authorId);
    return rows == 1;
  }

  boolean update(CollectionDefinition definition, int expectedVersion, String authorId) {
    String text = json.write(definition.declaration());
    int rows =
        jdbc.sql(
                "UPDATE collections SET definition = ?, version = ?, updated_at = ? WHERE name = ? AND version = ?")
            .params(
                text,
                definition.version(),
                definition.updatedAt().toEpochMilli(),
                definition.name(),
                expectedVersion)
            .update();
    if (rows == 1) record(definition, text, authorId);
    return rows == 1;
  }

  /** With its recorded changes: a collection made later under the name starts a history anew. */
  void delete(String name) {
    jdbc.sql("DELETE FROM collection_changes WHERE collection_name = ?").param(name).update();
    jdbc.sql("DELETE FROM collections WHERE name = ?").param(name).update();
  }

  /**
   * The version, holding the row against a concurrent definition change until the transaction ends.
   */
  Optional<Integer> lockedVersion(String name, boolean forChange) {
    return jdbc.sql(
            "SELECT version FROM collections WHERE name = ?"
                + (forChange ? dialect.lockForUpdate() : dialect.lockForShare()))
        .param(name)
        .query(Integer.class)
        .optional();
  }

  List<VersionHistory.Version> changes(String name) {
    return changes.list(name);
  }

  private void record(CollectionDefinition definition, String text, String authorId) {
    changes.record(definition.name(), definition.version(), text, authorId, definition.updatedAt());
  }

  private CollectionDefinition definition(ResultSet rs, int row) throws SQLException {
    return DefinitionReader.read(
        json.stored(rs.getString(1)),
        rs.getInt(2),
        rs.getBoolean(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        Instant.ofEpochMilli(rs.getLong(5)));
  }
}
