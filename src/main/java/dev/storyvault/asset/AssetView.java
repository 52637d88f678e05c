package dev.storyvault.asset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's Media Asset document: user metadata with the extracted facts (format, size,
 * dimensions, duration) merged over it, and the URLs that deliver it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetView(
    String id,
    String ownerId,
    String storyId,
    AssetKind type,
    String filename,
    @JsonProperty("public") boolean isPublic,
    int version,
    String contentHash,
    String url,
    String publicUrl,
    Map<String, Object> metadata,
    Map<String, String> variants,
    Instant createdAt,
    Instant updatedAt) {

  static AssetView of(
      Asset asset,
      AssetVersion current,
      Map<String, Object> userMetadata,
      Map<String, String> variants) {
    String publicUrl = asset.isPublic() ? "/api/blobs/" + current.blob().hex() : null;
    return new AssetView(
        asset.id(),
        asset.ownerId(),
        asset.storyId(),
        asset.kind(),
        current.filename(),
        asset.isPublic(),
        current.version(),
        current.blob().hex(),
        "/api/assets/" + asset.id() + "/content",
        publicUrl,
        metadata(current, userMetadata),
        variants,
        asset.createdAt(),
        asset.updatedAt());
  }

  static Map<String, Object> metadata(AssetVersion version, Map<String, Object> userMetadata) {
    Map<String, Object> merged = new LinkedHashMap<>(userMetadata);
    merged.put("format", version.format().wireName());
    merged.put("mime_type", version.mimeType());
    merged.put("size_bytes", version.sizeBytes());
    if (version.width() != null) merged.put("width", version.width());
    if (version.height() != null) merged.put("height", version.height());
    if (version.durationMs() != null) merged.put("duration_seconds", version.durationMs() / 1000.0);
    return merged;
  }
}
