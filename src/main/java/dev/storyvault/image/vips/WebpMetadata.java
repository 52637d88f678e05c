package dev.storyvault.image.vips;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drops the EXIF, XMP and ICC chunks from a WebP file and clears their VP8X flags. why: libvips
 * 8.14's webpsave writes an EXIF chunk even when asked to strip.
 */
final class WebpMetadata {

  private static final int ICC_EXIF_XMP_FLAGS = 0x20 | 0x08 | 0x04;

  private WebpMetadata() {}

  static byte[] strip(byte[] webp) {
    if (webp.length < 12 || !fourCc(webp, 0).equals("RIFF") || !fourCc(webp, 8).equals("WEBP"))
      return webp;
    ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
    int at = 12;
    while (at + 8 <= webp.length) {
      String id = fourCc(webp, at);
      int size = littleEndian(webp, at + 4);
      int padded = size + (size & 1);
      if (at + 8 + padded > webp.length) return webp;
      if (!id.equals("EXIF") && !id.equals("XMP ") && !id.equals("ICCP")) {
        chunks.write(webp, at, 8 + padded);
      }
      at += 8 + padded;
    }
    byte[] body = chunks.toByteArray();
    // why body[8]: VP8X, when present, is the first chunk; its flags are the first payload byte
    if (body.length > 8 && fourCc(body, 0).equals("VP8X")) body[8] &= (byte) ~ICC_EXIF_XMP_FLAGS;
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    int riffSize = body.length + 4;
    out.writeBytes(
        new byte[] {
          (byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16), (byte) (riffSize >> 24)
        });
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static String fourCc(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.US_ASCII);
  }

  private static int littleEndian(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }
}
