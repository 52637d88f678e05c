package dev.storyvault.asset;

import dev.storyvault.identity.AuthProperties;
import dev.storyvault.identity.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many more bytes a guest may upload ({@code storyvault.auth.guest-upload-quota}); others are
 * not limited here.
 */
@Component
class GuestQuota {

  private final JdbcClient jdbc;
  private final long quota;

  GuestQuota(JdbcClient jdbc, AuthProperties auth) {
    this.jdbc = jdbc;
    this.quota = auth.guestUploadQuota().toBytes();
  }

  long remaining(Caller caller) {
    if (!caller.isGuest()) return Long.MAX_VALUE;
    long used =
        jdbc.sql(
                """
                SELECT COALESCE(SUM(v.size_bytes), 0) FROM asset_versions v JOIN assets a ON a.id = v.asset_id
                WHERE a.owner_id = ?""")
            .param(caller.userId())
            .query(Long.class)
            .single();
    return quota - used;
  }
}
