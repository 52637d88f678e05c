package dev.storyvault.asset.inspection;

/** Big- and little-endian integers out of byte arrays, bounds-checked by the JVM. */
final class Bytes {

  private Bytes() {}

  static int int32(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 24)
        | ((b[offset + 1] & 0xFF) << 16)
        | ((b[offset + 2] & 0xFF) << 8)
        | (b[offset + 3] & 0xFF);
  }

  static long uint32(byte[] b, int offset) {
    return int32(b, offset) & 0xFFFFFFFFL;
  }

  static long uint64(byte[] b, int offset) {
    return (uint32(b, offset) << 32) | uint32(b, offset + 4);
  }

  static int uint16(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
  }

  static int uint16le(byte[] b, int offset) {
    return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8);
  }

  static int uint24le(byte[] b, int offset) {
    return uint16le(b, offset) | ((b[offset + 2] & 0xFF) << 16);
  }
}
