package dev.storyvault.asset;

import dev.storyvault.platform.ApiProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code storyvault.uploads.*}: size limits per kind, the pixel limit that stops decompression
 * bombs, the JSON nesting limit, and the folder uploads are received into before they are stored.
 */
@ConfigurationProperties("storyvault.uploads")
public record UploadLimits(
    DataSize maxImageSize,
    DataSize maxAudioSize,
    DataSize maxVideoSize,
    DataSize maxDataSize,
    Long maxPixels,
    Integer maxJsonDepth,
    String tempDir) {

  public UploadLimits {
    if (maxImageSize == null) maxImageSize = DataSize.ofMegabytes(50);
    if (maxAudioSize == null) maxAudioSize = DataSize.ofMegabytes(200);
    if (maxVideoSize == null) maxVideoSize = DataSize.ofGigabytes(2);
    if (maxDataSize == null) maxDataSize = DataSize.ofMegabytes(10);
    if (maxPixels == null) maxPixels = 100_000_000L;
    if (maxJsonDepth == null) maxJsonDepth = 64;
  }

  public long maxBytes(AssetKind kind) {
    return switch (kind) {
      case IMAGE -> maxImageSize.toBytes();
      case AUDIO -> maxAudioSize.toBytes();
      case VIDEO -> maxVideoSize.toBytes();
      case DATA -> maxDataSize.toBytes();
    };
  }

  /** What may be received before the content says its kind. */
  public long maxBytes(AssetKind declared, boolean known) {
    if (known) return maxBytes(declared);
    long max = 0;
    for (AssetKind kind : AssetKind.values()) max = Math.max(max, maxBytes(kind));
    return max;
  }

  public void checkSize(AssetKind kind, long size) {
    if (size > maxBytes(kind)) {
      throw ApiProblem.tooLarge(
          "A "
              + kind.wireName()
              + " asset may have at most "
              + maxBytes(kind)
              + " bytes; this one has "
              + size
              + ".");
    }
  }
}
