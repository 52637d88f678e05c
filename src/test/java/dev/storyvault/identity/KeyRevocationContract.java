package dev.storyvault.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.support.ApiTestBase;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Revocation is effective for every request that starts after revoke returns, whatever ran
 * meanwhile.
 */
abstract class KeyRevocationContract extends ApiTestBase {

  @Autowired ApiKeys keys;

  @Autowired WriteTransactions writes;

  @Test
  void aKeyReadByARequestWhileItsRevocationCommitsStaysRevoked() throws Exception {
    ApiKeys.IssuedKey key = keys.issue("racing", aliceId, Set.of(Scope.READ));
    assertThat(keys.authenticate(key.key())).isPresent();
    CompletableFuture<?>[] request = new CompletableFuture<?>[1];
    writes.run(
        () -> {
          keys.revoke(key.id());
          // a request between the revoking statement and its commit reads the key as still live
          request[0] = CompletableFuture.supplyAsync(() -> keys.authenticate(key.key()));
          try {
            request[0].get(1, TimeUnit.SECONDS);
          } catch (Exception stillRunning) {
            // why go on: a request that writes (old code recorded "last used") waits for this
            // commit
          }
        });
    assertThat(keys.authenticate(key.key())).as("the key after revoke returned").isEmpty();
    request[0].handle((result, failure) -> null).get(30, TimeUnit.SECONDS);
  }

  @Test
  void aRevokedKeyIsRefusedOverHttpAtOnce() {
    String key = newKey("short-lived", java.util.List.of("read"));
    var asService = admin.as(key);
    assertThat(asService.get("/api/assets").status()).isEqualTo(200);
    String id = key.split("_")[1];
    assertThat(admin.delete("/api/keys/" + id).status()).isIn(200, 204);
    assertThat(asService.get("/api/assets").status()).isEqualTo(401);
  }
}
