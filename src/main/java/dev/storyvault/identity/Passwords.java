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
  private final String decoy = encoder.encode("decoy-password-for-unknown-users");

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash == null ? decoy : hash) && hash != null;
  }
}
