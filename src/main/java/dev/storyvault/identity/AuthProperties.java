package dev.storyvault.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code storyvault.auth.*}: token lifetimes, whether people may sign themselves up, how much a
 * guest may upload, and an optional external OpenID Connect issuer.
 */
@ConfigurationProperties("storyvault.auth")
public record AuthProperties(
    Duration tokenTtl,
    Duration guestTtl,
    Boolean signupEnabled,
    DataSize guestUploadQuota,
    Oidc oidc) {

  /**
   * An external OpenID Connect issuer whose JWTs are accepted as bearer tokens (off when issuer is
   * blank).
   */
  public record Oidc(String issuer, String jwkSetUri, String audience) {
    public boolean enabled() {
      return issuer != null && !issuer.isBlank();
    }
  }

  public AuthProperties {
    if (guestUploadQuota == null) guestUploadQuota = DataSize.ofMegabytes(5);
    if (oidc == null) oidc = new Oidc(null, null, null);
    if (tokenTtl == null) tokenTtl = Duration.ofDays(1);
    if (guestTtl == null) guestTtl = Duration.ofHours(1);
    if (signupEnabled == null) signupEnabled = false;
  }
}
