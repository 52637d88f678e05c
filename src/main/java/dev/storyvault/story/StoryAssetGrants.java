package dev.storyvault.story;

import dev.storyvault.asset.AssetReadGrant;
import dev.storyvault.document.SqlConditions;
import dev.storyvault.identity.Caller;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A reader of a story (shared with them, or public) may read the assets its pages use. */
@Component
class StoryAssetGrants implements AssetReadGrant {

  private static final int CHUNK = 500;

  private final JdbcClient jdbc;

  StoryAssetGrants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String referrerType() {
    return StoryEditor.REFERRER;
  }

  @Override
  public boolean allowsAny(Caller caller, List<String> storyIds) {
    for (int from = 0; from < storyIds.size(); from += CHUNK) {
      if (anyReadable(caller, storyIds.subList(from, Math.min(storyIds.size(), from + CHUNK))))
        return true;
    }
    return false;
  }

  private boolean anyReadable(Caller caller, List<String> ids) {
    StoryVisibility.Condition readable = StoryVisibility.readableBy(caller);
    SqlConditions sql =
        new SqlConditions()
            .append("SELECT COUNT(*) FROM stories s WHERE 1 = 1")
            .andIn("s.id", ids)
            .and(readable.sql(), readable.params().toArray());
    return jdbc.sql(sql.sql()).params(sql.params()).query(Long.class).single() > 0;
  }
}
