package dev.storyvault.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which documents use which assets, both ways; kept in the same transaction as the documents. */
@Repository
class AssetReferences {

    private final JdbcClient jdbc;

    AssetReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String referrerType, String referrerId, Collection<String> assetIds) {
        jdbc.sql("DELETE FROM asset_references WHERE referrer_type = ? AND referrer_id = ?")
                .params(referrerType, referrerId).update();
        for (String assetId : assetIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO asset_references (asset_id, referrer_type, referrer_id) VALUES (?, ?, ?)")
                    .params(assetId, referrerType, referrerId).update();
        }
    }

    List<String> referrers(String referrerType, String assetId) {
        return jdbc.sql("SELECT referrer_id FROM asset_references WHERE asset_id = ? AND referrer_type = ? ORDER BY referrer_id")
                .params(assetId, referrerType).query(String.class).list();
    }

    List<Map<String, String>> all(String assetId) {
        return jdbc.sql("SELECT referrer_type, referrer_id FROM asset_references WHERE asset_id = ? ORDER BY referrer_type, referrer_id")
                .param(assetId)
                .query((rs, n) -> Map.of("type", rs.getString(1), "id", rs.getString(2)))
                .list();
    }
}
