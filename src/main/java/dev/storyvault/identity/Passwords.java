package dev.storyvault.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes; a check against an unknown user costs the same as against a known one.
 */
@Component
class Passwords {

  private final Argon2PasswordEncoder encoder =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  // why lazily: an Argon2 hash made at start-up, by a JVM not yet warmed up, took a noticeable
  // share of the time to ready
  private volatile String decoy;

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash == null ? decoy() : hash) && hash != null;
  }

  private String decoy() {
    String made = decoy;
    if (made == null) decoy = made = encoder.encode("decoy-password-for-unknown-users");
    return made;
  }
}
