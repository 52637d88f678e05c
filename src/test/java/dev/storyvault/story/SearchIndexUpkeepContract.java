package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What writes add to the full-text index is folded in by background upkeep, and searches find everything before and after. */
abstract class SearchIndexUpkeepContract extends ApiTestBase {

    @Autowired
    SearchIndexUpkeep upkeep;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchesFindEveryStoryBeforeAndAfterTheIndexIsTidied() {
        String word = "zm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        upkeep.stop();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) ids.add(create(alice, aStory().titled(word + " " + i).withPage("page " + i).build()));
            assertThat(found(word)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(upkeep.tidy()).as("upkeep steps after 40 untidied creates").isPositive();
            while (upkeep.tidy() > 0) { }
            indexIsWhole();
            assertThat(found(word)).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            upkeep.start();
        }
    }

    /** Checks the index's own structure where the database can. */
    void indexIsWhole() {}

    private List<String> found(String word) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = alice.get("/api/stories?limit=100&q=" + word + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.has("next_cursor") ? page.get("next_cursor").asString() : null;
        } while (cursor != null);
        return ids;
    }
}
