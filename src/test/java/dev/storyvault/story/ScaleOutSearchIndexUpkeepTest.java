package dev.storyvault.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ScaleOutServices.class)
class ScaleOutSearchIndexUpkeepTest extends SearchIndexUpkeepContract {
    @DynamicPropertySource
    static void mode(DynamicPropertyRegistry registry) {
        TestModes.scaleOut(registry);
    }

    /** why: the pending list is emptied at most once a second, and the upkeep ran just before it was stopped. */
    @Override
    void beforeTidying() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    void indexIsTidy(int steps) {
        assertThat(jdbc.sql("SELECT gin_clean_pending_list('stories_search')").query(Long.class).single())
                .as("pending pages left after the upkeep ran").isZero();
    }
}
