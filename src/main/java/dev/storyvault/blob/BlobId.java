package dev.storyvault.blob;

import java.util.HexFormat;

/**
 * The SHA-256 of a blob's bytes, in lowercase hex. Being exactly 64 hex digits, it can never name a
 * path outside the store, whatever a client sends.
 */
public record BlobId(String hex) {

  public BlobId {
    if (hex == null || hex.length() != 64 || !isLowerHex(hex)) {
      throw new IllegalArgumentException("A blob id is 64 lowercase hex digits");
    }
  }

  public static BlobId of(String hex) {
    return new BlobId(hex);
  }

  public static BlobId ofDigest(byte[] sha256) {
    return new BlobId(HexFormat.of().formatHex(sha256));
  }

  public static boolean isValid(String hex) {
    return hex != null && hex.length() == 64 && isLowerHex(hex);
  }

  public byte[] digest() {
    return HexFormat.of().parseHex(hex);
  }

  /** Two levels of fan-out keep folders and listings small: ab/cd/abcd… */
  public String shardedKey() {
    return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    return hex;
  }
}
