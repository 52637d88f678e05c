package dev.storyvault.asset;

import java.time.Instant;
import java.util.Map;

/** One entry of {@code GET /api/assets/{id}/versions}. */
record VersionView(
    int version,
    String contentHash,
    String filename,
    String url,
    Map<String, Object> metadata,
    Instant createdAt) {

  static VersionView of(AssetVersion v) {
    return new VersionView(
        v.version(),
        v.blob().hex(),
        v.filename(),
        "/api/assets/" + v.assetId() + "/versions/" + v.version() + "/content",
        AssetView.metadata(v, Map.of()),
        v.createdAt());
  }
}
