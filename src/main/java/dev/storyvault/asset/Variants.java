package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The variants and transforms made so far, by asset version and name. */
@Repository
class Variants {

  private final JdbcClient jdbc;

  Variants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredVariant> find(String assetId, int version, String name) {
    return jdbc.sql(
            """
                SELECT asset_id, version, name, blob_hash, mime_type, width, height, size_bytes, created_at
                FROM asset_variants WHERE asset_id = ? AND version = ? AND name = ?""")
        .params(assetId, version, name)
        .query(Variants::variant)
        .optional();
  }

  /** True if this call recorded it; false if another render got there first. */
  boolean insert(StoredVariant v) {
    return jdbc.sql(
                """
                INSERT INTO asset_variants (asset_id, version, name, blob_hash, mime_type, width, height, size_bytes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (asset_id, version, name) DO NOTHING""")
            .params(
                v.assetId(),
                v.version(),
                v.name(),
                v.blob().hex(),
                v.mimeType(),
                v.width(),
                v.height(),
                v.sizeBytes(),
                v.createdAt().toEpochMilli())
            .update()
        == 1;
  }

  /** Removes every variant of the asset and returns the blobs they used (one entry per row). */
  List<BlobId> deleteAll(String assetId) {
    List<BlobId> blobs =
        jdbc.sql("SELECT blob_hash FROM asset_variants WHERE asset_id = ?")
            .param(assetId)
            .query((rs, n) -> BlobId.of(rs.getString(1)))
            .list();
    jdbc.sql("DELETE FROM asset_variants WHERE asset_id = ?").param(assetId).update();
    return blobs;
  }

  private static StoredVariant variant(ResultSet rs, int row) throws SQLException {
    return new StoredVariant(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        BlobId.of(rs.getString(4)),
        rs.getString(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getLong(8),
        Instant.ofEpochMilli(rs.getLong(9)));
  }
}
