package dev.storyvault.story;

import dev.storyvault.asset.AssetReadGrant;
import dev.storyvault.identity.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A reader of a story (shared with them, or public) may read the assets its pages use. */
@Component
class StoryAssetGrants implements AssetReadGrant {

    private final JdbcClient jdbc;

    StoryAssetGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean allows(Caller caller, String assetId) {
        if (caller.isAnonymous()) {
            return jdbc.sql("""
                    SELECT COUNT(*) FROM asset_references r JOIN stories s ON s.id = r.referrer_id
                    WHERE r.referrer_type = 'story' AND r.asset_id = ? AND s.is_public = TRUE""")
                    .param(assetId).query(Long.class).single() > 0;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM asset_references r JOIN stories s ON s.id = r.referrer_id
                WHERE r.referrer_type = 'story' AND r.asset_id = ?
                  AND (s.is_public = TRUE OR s.owner_id = ?
                       OR EXISTS (SELECT 1 FROM story_shares sh WHERE sh.story_id = s.id AND sh.user_id = ?))""")
                .params(assetId, caller.userId(), caller.userId()).query(Long.class).single() > 0;
    }
}
