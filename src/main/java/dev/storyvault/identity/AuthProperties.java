package dev.storyvault.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code storyvault.auth.*}: token lifetimes and whether people may sign themselves up. */
@ConfigurationProperties("storyvault.auth")
public record AuthProperties(Duration tokenTtl, Duration guestTtl, Boolean signupEnabled) {

    public AuthProperties {
        if (tokenTtl == null) tokenTtl = Duration.ofDays(1);
        if (guestTtl == null) guestTtl = Duration.ofHours(1);
        if (signupEnabled == null) signupEnabled = false;
    }
}
