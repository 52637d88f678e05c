package dev.storyvault.image;

/**
 * Checks both processors make before decoding, so that neither renders half an image nor allocates
 * for a decompression bomb.
 */
public final class SourceChecks {

  private SourceChecks() {}

  public static void requirePixelsWithin(long width, long height, long maxPixels) {
    if (width <= 0 || height <= 0) throw new ImageRejected("unreadable", "The image has no size.");
    if (width * height > maxPixels) {
      throw new ImageRejected(
          "too-many-pixels",
          "The image has "
              + width
              + "x"
              + height
              + " pixels; at most "
              + maxPixels
              + " are rendered.");
    }
  }

  /**
   * why: decoders fill a truncated file's missing rows with grey and only warn; a cached variant
   * would then be a broken image forever. Each format has an end marker that a complete file
   * carries.
   */
  public static void requireComplete(byte[] b) {
    if (startsWith(b, 0xFF, 0xD8)) require(hasJpegEnd(b));
    else if (startsWith(b, 0x89, 'P', 'N', 'G')) require(hasPngEnd(b));
    else if (startsWith(b, 'G', 'I', 'F')) require(hasGifEnd(b));
    else if (startsWith(b, 'R', 'I', 'F', 'F')) require(riffLength(b) + 8 <= b.length);
  }

  private static void require(boolean complete) {
    if (!complete) throw new ImageRejected("truncated", "The image file is truncated.");
  }

  /**
   * In JPEG entropy data 0xFF is always followed by 0x00 or a restart marker, so FF D9 near the end
   * is the EOI.
   */
  private static boolean hasJpegEnd(byte[] b) {
    for (int i = b.length - 2; i >= Math.max(2, b.length - 4096); i--) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) return true;
    }
    return false;
  }

  private static boolean hasPngEnd(byte[] b) {
    for (int i = b.length - 8; i >= Math.max(8, b.length - 4096); i--) {
      if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') return true;
    }
    return false;
  }

  private static boolean hasGifEnd(byte[] b) {
    for (int i = b.length - 1; i >= Math.max(6, b.length - 64); i--) {
      if (b[i] == 0x3B) return true;
      if (b[i] != 0) return false;
    }
    return false;
  }

  private static long riffLength(byte[] b) {
    if (b.length < 8) return Long.MAX_VALUE;
    return (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }
}
