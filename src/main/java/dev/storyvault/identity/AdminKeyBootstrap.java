package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start: the admin key from {@code STORYVAULT_ADMIN_API_KEY} replaces any earlier configured
 * one; without it, and with no admin key yet, one is generated and printed once. Only its hash is
 * kept.
 */
@Component
class AdminKeyBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

  private final Users users;
  private final ApiKeys keys;
  private final WriteTransactions writes;
  private final String configuredKey;

  AdminKeyBootstrap(
      Users users,
      ApiKeys keys,
      WriteTransactions writes,
      @Value("${storyvault.admin-api-key:}") String configuredKey) {
    this.users = users;
    this.keys = keys;
    this.writes = writes;
    this.configuredKey = configuredKey;
  }

  @Override
  public void run(ApplicationArguments args) {
    writes.run(() -> bootstrap());
  }

  private void bootstrap() {
    users.ensureAdmin();
    if (!configuredKey.isBlank()) {
      if (configuredKey.length() < 16) {
        throw new IllegalStateException("STORYVAULT_ADMIN_API_KEY must be at least 16 characters");
      }
      keys.storeConfiguredAdminKey(configuredKey, Users.ADMIN_ID);
      return;
    }
    if (keys.anyActiveAdminKey()) return;
    ApiKeys.IssuedKey issued =
        keys.issue("generated admin key", Users.ADMIN_ID, Set.of(Scope.values()));
    // why: printed once so the operator can copy it; it cannot be recovered later, only replaced
    System.out.println(
        """

                ================================================================
                 StoryVault generated an admin API key. It is shown only once:
                   %s
                 Use it as: Authorization: Bearer <key>
                ================================================================
                """
            .formatted(issued.key()));
    log.warn("Generated admin API key {} (printed once on standard output)", issued.id());
  }
}
