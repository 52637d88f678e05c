package dev.storyvault.asset;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The formats StoryVault accepts, each recognised by its bytes, never by a name or declared type.
 */
public enum MediaFormat {
  PNG(AssetKind.IMAGE, "image/png", "png"),
  JPEG(AssetKind.IMAGE, "image/jpeg", "jpg"),
  WEBP(AssetKind.IMAGE, "image/webp", "webp"),
  GIF(AssetKind.IMAGE, "image/gif", "gif"),
  AVIF(AssetKind.IMAGE, "image/avif", "avif"),
  MP3(AssetKind.AUDIO, "audio/mpeg", "mp3"),
  OGG(AssetKind.AUDIO, "audio/ogg", "ogg"),
  WAV(AssetKind.AUDIO, "audio/wav", "wav"),
  M4A(AssetKind.AUDIO, "audio/mp4", "m4a"),
  MP4(AssetKind.VIDEO, "video/mp4", "mp4"),
  MPEG_TS(AssetKind.VIDEO, "video/mp2t", "ts"),
  HLS(AssetKind.VIDEO, "application/vnd.apple.mpegurl", "m3u8"),
  JSON(AssetKind.DATA, "application/json", "json");

  private final AssetKind kind;
  private final String mimeType;
  private final String extension;

  MediaFormat(AssetKind kind, String mimeType, String extension) {
    this.kind = kind;
    this.mimeType = mimeType;
    this.extension = extension;
  }

  public AssetKind kind() {
    return kind;
  }

  public String mimeType() {
    return mimeType;
  }

  public String extension() {
    return extension;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
