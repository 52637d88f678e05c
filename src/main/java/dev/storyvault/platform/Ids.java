package dev.storyvault.platform;

import java.security.SecureRandom;

/**
 * Opaque ids that sort by creation time (48-bit milliseconds then 80 random bits, Crockford
 * base32), so that "newest first" and cursors need no second column.
 */
public final class Ids {

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    long time = System.currentTimeMillis();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
    for (int shift = 45; shift >= 0; shift -= 5) {
      id.append(ALPHABET[(int) (time >>> shift) & 31]);
    }
    long high = 0;
    for (int i = 0; i < 5; i++) high = (high << 8) | (random[i] & 0xff);
    long low = 0;
    for (int i = 5; i < 10; i++) low = (low << 8) | (random[i] & 0xff);
    appendBase32(id, high);
    appendBase32(id, low);
    return id.toString();
  }

  private static void appendBase32(StringBuilder id, long forty) {
    for (int shift = 35; shift >= 0; shift -= 5) {
      id.append(ALPHABET[(int) (forty >>> shift) & 31]);
    }
  }

  /** Ids are checked before they reach SQL or a log line: anything else is simply "not found". */
  public static boolean looksValid(String id) {
    return id != null && id.length() <= 64 && id.matches("[a-z]{2,8}_[0-9a-z]{26}");
  }
}
