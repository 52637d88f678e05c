package dev.storyvault.asset.inspection;

import dev.storyvault.asset.MediaFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Width and height read from an image's header, before any pixel is decoded, so that a few-KB file
 * announcing 30000×30000 pixels is refused without allocating anything.
 */
final class ImageHeaders {

  record Dimensions(int width, int height) {}

  private ImageHeaders() {}

  static Optional<Dimensions> read(MediaFormat format, byte[] head, Path file) throws IOException {
    try {
      return switch (format) {
        case PNG -> png(head);
        case GIF -> Optional.of(new Dimensions(Bytes.uint16le(head, 6), Bytes.uint16le(head, 8)));
        case WEBP -> webp(head);
        case AVIF -> avif(head);
        case JPEG -> jpeg(file);
        default -> Optional.empty();
      };
    } catch (IndexOutOfBoundsException truncated) {
      return Optional.empty();
    }
  }

  private static Optional<Dimensions> png(byte[] head) {
    if (!new String(head, 12, 4, StandardCharsets.ISO_8859_1).equals("IHDR"))
      return Optional.empty();
    long width = Bytes.uint32(head, 16);
    long height = Bytes.uint32(head, 20);
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE)
      return Optional.of(new Dimensions(Integer.MAX_VALUE, Integer.MAX_VALUE));
    return Optional.of(new Dimensions((int) width, (int) height));
  }

  private static Optional<Dimensions> webp(byte[] head) {
    String chunk = new String(head, 12, 4, StandardCharsets.ISO_8859_1);
    return switch (chunk) {
      case "VP8 " ->
          Optional.of(
              new Dimensions(Bytes.uint16le(head, 26) & 0x3FFF, Bytes.uint16le(head, 28) & 0x3FFF));
      case "VP8L" -> {
        int b1 = head[21] & 0xFF, b2 = head[22] & 0xFF, b3 = head[23] & 0xFF, b4 = head[24] & 0xFF;
        int width = 1 + (((b2 & 0x3F) << 8) | b1);
        int height = 1 + (((b4 & 0xF) << 10) | (b3 << 2) | ((b2 & 0xC0) >> 6));
        yield Optional.of(new Dimensions(width, height));
      }
      case "VP8X" ->
          Optional.of(new Dimensions(1 + Bytes.uint24le(head, 24), 1 + Bytes.uint24le(head, 27)));
      default -> Optional.empty();
    };
  }

  /** The first 'ispe' (image spatial extent) property box carries the primary image's size. */
  private static Optional<Dimensions> avif(byte[] head) {
    for (int i = 4; i + 16 <= head.length; i++) {
      if (head[i] == 'i' && head[i + 1] == 's' && head[i + 2] == 'p' && head[i + 3] == 'e') {
        long width = Bytes.uint32(head, i + 8);
        long height = Bytes.uint32(head, i + 12);
        return Optional.of(
            new Dimensions(
                (int) Math.min(width, Integer.MAX_VALUE),
                (int) Math.min(height, Integer.MAX_VALUE)));
      }
    }
    return Optional.empty();
  }

  /**
   * Walks the JPEG segments to the first start-of-frame marker; EXIF and ICC segments are skipped
   * over.
   */
  private static Optional<Dimensions> jpeg(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = 2;
      ByteBuffer marker = ByteBuffer.allocate(9);
      for (int segments = 0; segments < 1000 && position + 9 <= channel.size(); segments++) {
        marker.clear();
        channel.read(marker, position);
        byte[] m = marker.array();
        if ((m[0] & 0xFF) != 0xFF) return Optional.empty();
        int type = m[1] & 0xFF;
        if (type == 0xFF) {
          position++;
          continue;
        }
        if (isStartOfFrame(type)) {
          return Optional.of(new Dimensions(Bytes.uint16(m, 7), Bytes.uint16(m, 5)));
        }
        position += 2 + Bytes.uint16(m, 2);
      }
      return Optional.empty();
    }
  }

  private static boolean isStartOfFrame(int type) {
    return type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
  }
}
