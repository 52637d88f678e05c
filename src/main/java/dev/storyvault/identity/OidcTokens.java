package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * JWTs from the OpenID Connect issuer named in {@code storyvault.auth.oidc}: signature (the
 * issuer's JWKS), issuer, audience and expiry are checked; the subject becomes a StoryVault user on
 * first sight.
 */
@Component
class OidcTokens {

  private final AuthProperties.Oidc config;
  private final Users users;
  private final WriteTransactions writes;
  private volatile NimbusJwtDecoder decoder;

  OidcTokens(AuthProperties properties, Users users, WriteTransactions writes) {
    this.config = properties.oidc();
    this.users = users;
    this.writes = writes;
  }

  boolean accepts(String token) {
    return config.enabled() && token.chars().filter(c -> c == '.').count() == 2;
  }

  Optional<Caller> authenticate(String token) {
    Jwt jwt;
    try {
      jwt = decoder().decode(token);
    } catch (JwtException invalid) {
      return Optional.empty();
    }
    String login = "oidc|" + jwt.getSubject();
    String name =
        jwt.getClaimAsString("preferred_username") != null
            ? jwt.getClaimAsString("preferred_username")
            : jwt.getSubject();
    Users.Credentials user =
        users
            .credentials(login)
            .orElseGet(
                () ->
                    writes.execute(
                        () -> {
                          users.createWithLogin(login, null, Role.USER, null);
                          return users.credentials(login).orElseThrow();
                        }));
    users.rename(user.id(), name);
    return Optional.of(new Caller(user.id(), user.role(), AccessTokens.scopesOf(user.role())));
  }

  private NimbusJwtDecoder decoder() {
    if (decoder == null) {
      synchronized (this) {
        if (decoder == null) decoder = build();
      }
    }
    return decoder;
  }

  private NimbusJwtDecoder build() {
    NimbusJwtDecoder built =
        config.jwkSetUri() != null && !config.jwkSetUri().isBlank()
            ? NimbusJwtDecoder.withJwkSetUri(config.jwkSetUri()).build()
            : NimbusJwtDecoder.withIssuerLocation(config.issuer()).build();
    OAuth2TokenValidator<Jwt> audience =
        jwt ->
            config.audience() == null
                    || config.audience().isBlank()
                    || jwt.getAudience() != null && jwt.getAudience().contains(config.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "wrong audience", null));
    built.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            List.of(JwtValidators.createDefaultWithIssuer(config.issuer()), audience)));
    return built;
  }
}
