package dev.storyvault.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of secrets (keys, tokens, links), which are stored only as this digest, and of rendered
 * bytes.
 */
public final class Digests {

  private Digests() {}

  public static byte[] sha256(String value) {
    return sha256(value.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] sha256(byte[] bytes) {
    return newSha256().digest(bytes);
  }

  /** A fresh SHA-256 digest, for hashing a stream as it passes. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
