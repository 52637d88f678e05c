package dev.storyvault.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedSearchIndexUpkeepTest extends SearchIndexUpkeepContract {
    @DynamicPropertySource
    static void mode(DynamicPropertyRegistry registry) {
        TestModes.embedded(registry);
    }

    @Test
    void commitsLeaveSegmentMergesToTheUpkeep() {
        assertThat(jdbc.sql("SELECT v FROM story_search_config WHERE k = 'automerge'").query(Integer.class).single()).isZero();
    }

    @Override
    void indexIsTidy(int steps) {
        assertThat(steps).as("merge steps after 40 creates, one segment each").isPositive();
        jdbc.sql("INSERT INTO story_search (story_search, rank) VALUES ('integrity-check', 1)").update();
    }
}
