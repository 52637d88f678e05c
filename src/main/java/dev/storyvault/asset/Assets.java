package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Assets {

  private static final String ASSET_COLUMNS =
      """
            id, owner_id, story_id, kind, filename, is_public, current_version, metadata, created_at, updated_at""";
  private static final String VERSION_COLUMNS =
      """
            asset_id, version, blob_hash, format, size_bytes, width, height, duration_ms, filename, created_at""";

  /** An asset with its current version, as read paths see it. */
  record Current(Asset asset, AssetVersion version) {}

  private final JdbcClient jdbc;
  private final InvalidatedCache<Optional<Current>> current;

  Assets(JdbcClient jdbc, Clock clock, Invalidations invalidations) {
    this.jdbc = jdbc;
    this.current =
        new InvalidatedCache<>("assets", Duration.ofMinutes(10), 20_000, clock, invalidations);
  }

  /**
   * The asset and its current version, remembered until a write to it commits on any instance (see
   * {@link #changed}). For reads only: a write checks what it changes with {@link #find} inside its
   * transaction.
   */
  Optional<Current> current(String id) {
    return current.get(id, this::loadCurrent);
  }

  private Optional<Current> loadCurrent(String id) {
    return find(id).flatMap(a -> version(id, a.currentVersion()).map(v -> new Current(a, v)));
  }

  /**
   * Drops what {@link #current} remembers of this asset, on every instance as the write commits.
   */
  void changed(String id) {
    current.invalidate(id);
  }

  void insert(Asset a) {
    changed(a.id());
    jdbc.sql("INSERT INTO assets (" + ASSET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.id(),
            a.ownerId(),
            a.storyId(),
            a.kind().name(),
            a.filename(),
            a.isPublic(),
            a.currentVersion(),
            a.metadataJson(),
            a.createdAt().toEpochMilli(),
            a.updatedAt().toEpochMilli())
        .update();
  }

  void insertVersion(AssetVersion v) {
    changed(v.assetId());
    jdbc.sql(
            "INSERT INTO asset_versions ("
                + VERSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            v.assetId(),
            v.version(),
            v.blob().hex(),
            v.format().name(),
            v.sizeBytes(),
            v.width(),
            v.height(),
            v.durationMs(),
            v.filename(),
            v.createdAt().toEpochMilli())
        .update();
  }

  /** Moves the asset to a new current version, only if nobody else did since {@code expected}. */
  boolean advance(Asset asset, int expected) {
    changed(asset.id());
    return jdbc.sql(
                """
                UPDATE assets SET current_version = ?, filename = ?, updated_at = ?
                WHERE id = ? AND current_version = ?""")
            .params(
                asset.currentVersion(),
                asset.filename(),
                asset.updatedAt().toEpochMilli(),
                asset.id(),
                expected)
            .update()
        == 1;
  }

  void update(Asset a) {
    changed(a.id());
    jdbc.sql(
            "UPDATE assets SET is_public = ?, metadata = ?, story_id = ?, updated_at = ? WHERE id = ?")
        .params(a.isPublic(), a.metadataJson(), a.storyId(), a.updatedAt().toEpochMilli(), a.id())
        .update();
  }

  Optional<Asset> find(String id) {
    return jdbc.sql("SELECT " + ASSET_COLUMNS + " FROM assets WHERE id = ?")
        .param(id)
        .query(Assets::asset)
        .optional();
  }

  Optional<AssetVersion> version(String assetId, int version) {
    return jdbc.sql(
            "SELECT " + VERSION_COLUMNS + " FROM asset_versions WHERE asset_id = ? AND version = ?")
        .params(assetId, version)
        .query(Assets::version)
        .optional();
  }

  List<AssetVersion> versions(String assetId) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM asset_versions WHERE asset_id = ? ORDER BY version DESC")
        .param(assetId)
        .query(Assets::version)
        .list();
  }

  List<Asset> page(AssetQuery q) {
    StringBuilder sql = new StringBuilder("SELECT " + ASSET_COLUMNS + " FROM assets WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    condition(sql, params, "owner_id = ?", q.ownerId());
    condition(sql, params, "kind = ?", q.kind() == null ? null : q.kind().name());
    condition(sql, params, "story_id = ?", q.storyId());
    condition(
        sql,
        params,
        "created_at > ?",
        q.createdAfter() == null ? null : q.createdAfter().toEpochMilli());
    condition(
        sql,
        params,
        "created_at < ?",
        q.createdBefore() == null ? null : q.createdBefore().toEpochMilli());
    condition(sql, params, "id < ?", q.after());
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(q.limit());
    return jdbc.sql(sql.toString()).params(params).query(Assets::asset).list();
  }

  /** Deletes the asset and its versions; returns the blobs the versions referenced. */
  List<BlobId> delete(String id) {
    changed(id);
    List<BlobId> blobs = versions(id).stream().map(AssetVersion::blob).toList();
    jdbc.sql("DELETE FROM asset_versions WHERE asset_id = ?").param(id).update();
    jdbc.sql("DELETE FROM assets WHERE id = ?").param(id).update();
    return blobs;
  }

  /** The newest version of a public asset stored under this blob, if any. */
  Optional<AssetVersion> publicVersionOf(BlobId blob) {
    return jdbc.sql(
            """
                SELECT v.asset_id, v.version, v.blob_hash, v.format, v.size_bytes, v.width, v.height, v.duration_ms,
                       v.filename, v.created_at
                FROM asset_versions v JOIN assets a ON a.id = v.asset_id
                WHERE v.blob_hash = ? AND a.is_public = TRUE ORDER BY v.created_at DESC LIMIT 1""")
        .param(blob.hex())
        .query(Assets::version)
        .optional();
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value == null) return;
    sql.append(" AND ").append(clause);
    params.add(value);
  }

  private static Asset asset(ResultSet rs, int row) throws SQLException {
    return new Asset(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        AssetKind.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getInt(7),
        rs.getString(8),
        Instant.ofEpochMilli(rs.getLong(9)),
        Instant.ofEpochMilli(rs.getLong(10)));
  }

  private static AssetVersion version(ResultSet rs, int row) throws SQLException {
    return new AssetVersion(
        rs.getString(1),
        rs.getInt(2),
        BlobId.of(rs.getString(3)),
        MediaFormat.valueOf(rs.getString(4)),
        rs.getLong(5),
        intOrNull(rs, 6),
        intOrNull(rs, 7),
        longOrNull(rs, 8),
        rs.getString(9),
        Instant.ofEpochMilli(rs.getLong(10)));
  }

  private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
