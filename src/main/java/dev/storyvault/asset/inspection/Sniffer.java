package dev.storyvault.asset.inspection;

import dev.storyvault.asset.MediaFormat;
import dev.storyvault.platform.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Names the format of an upload from its first bytes (magic numbers); anything unknown is a 415.
 */
final class Sniffer {

  private static final Set<String> MP4_BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ",
          "mmp4", "msnv");
  private static final Set<String> M4A_BRANDS = Set.of("M4A ", "M4B ");
  private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

  private Sniffer() {}

  static MediaFormat detect(byte[] head) {
    if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return MediaFormat.PNG;
    if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) return MediaFormat.JPEG;
    if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a"))
      return MediaFormat.GIF;
    if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP"))
      return MediaFormat.WEBP;
    if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE"))
      return MediaFormat.WAV;
    if (ascii(head, 0, 4).equals("OggS")) return MediaFormat.OGG;
    if (ascii(head, 4, 4).equals("ftyp")) return isoMedia(head);
    if (ascii(head, 0, 3).equals("ID3") || isMp3Frame(head)) return MediaFormat.MP3;
    if (isTransportStream(head)) return MediaFormat.MPEG_TS;
    return text(head);
  }

  private static MediaFormat isoMedia(byte[] head) {
    int boxSize = Math.min(Bytes.int32(head, 0), head.length);
    String major = ascii(head, 8, 4);
    Set<String> brands = new java.util.HashSet<>(Set.of(major));
    for (int offset = 16; offset + 4 <= boxSize; offset += 4) brands.add(ascii(head, offset, 4));
    if (brands.stream().anyMatch(AVIF_BRANDS::contains)) return MediaFormat.AVIF;
    if (M4A_BRANDS.contains(major)) return MediaFormat.M4A;
    if (MP4_BRANDS.contains(major) || brands.stream().anyMatch(MP4_BRANDS::contains))
      return MediaFormat.MP4;
    throw ApiProblem.unsupportedMediaType(
        "This ISO media file ('"
            + major.strip()
            + "') is not an accepted format: send AVIF, M4A or MP4.");
  }

  private static boolean isMp3Frame(byte[] head) {
    if (head.length < 4 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xE0) != 0xE0) return false;
    int version = (head[1] >> 3) & 0x3;
    int layer = (head[1] >> 1) & 0x3;
    int bitrate = (head[2] >> 4) & 0xF;
    return version != 1 && layer == 1 && bitrate != 0 && bitrate != 0xF;
  }

  private static boolean isTransportStream(byte[] head) {
    if (head.length < 188 || head[0] != 0x47) return false;
    for (int offset = 188; offset < head.length; offset += 188) {
      if (head[offset] != 0x47) return false;
    }
    return true;
  }

  private static MediaFormat text(byte[] head) {
    String start =
        new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8)
            .replaceFirst("^\uFEFF", "")
            .stripLeading();
    if (start.startsWith("#EXTM3U")) return MediaFormat.HLS;
    if (start.startsWith("{") || start.startsWith("[")) return MediaFormat.JSON;
    if (start.startsWith("<")) {
      throw ApiProblem.unsupportedMediaType(
          "Markup (HTML, SVG, XML) is not accepted: it can carry scripts. Send PNG, JPEG, WebP, GIF or AVIF.");
    }
    if (head.length == 0) throw ApiProblem.unprocessable("empty-upload", "The upload is empty.");
    throw ApiProblem.unsupportedMediaType(
        "The content is not a format StoryVault accepts: images "
            + "(PNG, JPEG, WebP, GIF, AVIF), audio (MP3, OGG, WAV, M4A), video (MP4, MPEG-TS, HLS) or JSON.");
  }

  private static boolean startsWith(byte[] head, int offset, int... expected) {
    if (head.length < offset + expected.length) return false;
    for (int i = 0; i < expected.length; i++) {
      if ((head[offset + i] & 0xFF) != expected[i]) return false;
    }
    return true;
  }

  private static String ascii(byte[] head, int offset, int length) {
    if (head.length < offset + length) return "";
    return new String(head, offset, length, StandardCharsets.ISO_8859_1);
  }
}
