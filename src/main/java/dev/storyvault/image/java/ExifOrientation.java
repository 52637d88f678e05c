package dev.storyvault.image.java;

/** Reads the EXIF orientation tag (1-8) from a JPEG's APP1 segment; 1 when absent or unreadable. */
final class ExifOrientation {

  private ExifOrientation() {}

  static int of(byte[] jpeg) {
    try {
      int exif = findExif(jpeg);
      return exif < 0 ? 1 : fromTiff(jpeg, exif);
    } catch (ArrayIndexOutOfBoundsException malformed) {
      return 1;
    }
  }

  /** Offset of the TIFF header inside the APP1 "Exif" segment, or -1. */
  private static int findExif(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return -1;
    int at = 2;
    while (at + 4 < b.length && (b[at] & 0xFF) == 0xFF) {
      int marker = b[at + 1] & 0xFF;
      int length = (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
      if (marker == 0xDA || marker == 0xD9) return -1;
      if (marker == 0xE1
          && b[at + 4] == 'E'
          && b[at + 5] == 'x'
          && b[at + 6] == 'i'
          && b[at + 7] == 'f') {
        return at + 10;
      }
      at += 2 + length;
    }
    return -1;
  }

  private static int fromTiff(byte[] b, int tiff) {
    boolean little = b[tiff] == 'I';
    int ifd = tiff + read32(b, tiff + 4, little);
    int entries = read16(b, ifd, little);
    for (int i = 0; i < entries; i++) {
      int entry = ifd + 2 + i * 12;
      if (read16(b, entry, little) == 0x0112) {
        int value = read16(b, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int read16(byte[] b, int at, boolean little) {
    return little
        ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8
        : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static int read32(byte[] b, int at, boolean little) {
    return little
        ? read16(b, at, true) | read16(b, at + 2, true) << 16
        : read16(b, at, false) << 16 | read16(b, at + 2, false);
  }
}
