package dev.storyvault.export;

import dev.storyvault.blob.BlobId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Built exports by story, format and fingerprint (story version plus the asset versions it showed).
 */
@Repository
class StoryExports {

  private final JdbcClient jdbc;

  StoryExports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CachedExport> find(String storyId, ExportFormat format, String fingerprint) {
    return jdbc.sql(
            """
                SELECT story_id, format, fingerprint, blob_hash, size_bytes, created_at FROM story_exports
                WHERE story_id = ? AND format = ? AND fingerprint = ?""")
        .params(storyId, format.name(), fingerprint)
        .query(StoryExports::export)
        .optional();
  }

  boolean insert(CachedExport e) {
    return jdbc.sql(
                """
                INSERT INTO story_exports (story_id, format, fingerprint, blob_hash, size_bytes, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, format, fingerprint) DO NOTHING""")
            .params(
                e.storyId(),
                e.format().name(),
                e.fingerprint(),
                e.blob().hex(),
                e.sizeBytes(),
                e.createdAt().toEpochMilli())
            .update()
        == 1;
  }

  /** Removes the story's other exports of this format (older versions) and returns their blobs. */
  List<BlobId> deleteOthers(String storyId, ExportFormat format, String keep) {
    List<BlobId> blobs =
        jdbc.sql(
                "SELECT blob_hash FROM story_exports WHERE story_id = ? AND format = ? AND fingerprint <> ?")
            .params(storyId, format.name(), keep)
            .query((rs, n) -> BlobId.of(rs.getString(1)))
            .list();
    jdbc.sql("DELETE FROM story_exports WHERE story_id = ? AND format = ? AND fingerprint <> ?")
        .params(storyId, format.name(), keep)
        .update();
    return blobs;
  }

  List<BlobId> deleteAll(String storyId) {
    List<BlobId> blobs =
        jdbc.sql("SELECT blob_hash FROM story_exports WHERE story_id = ?")
            .param(storyId)
            .query((rs, n) -> BlobId.of(rs.getString(1)))
            .list();
    jdbc.sql("DELETE FROM story_exports WHERE story_id = ?").param(storyId).update();
    return blobs;
  }

  private static CachedExport export(ResultSet rs, int row) throws SQLException {
    return new CachedExport(
        rs.getString(1),
        ExportFormat.valueOf(rs.getString(2)),
        rs.getString(3),
        BlobId.of(rs.getString(4)),
        rs.getLong(5),
        Instant.ofEpochMilli(rs.getLong(6)));
  }
}
