package dev.storyvault.story;

import static dev.storyvault.story.StoryBuilder.aStory;
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
    assertThat(
            jdbc.sql("SELECT v FROM story_search_config WHERE k = 'automerge'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void quietTimesMergeWhatIsBelowTheThresholdForMergingUnderWrites() {
    upkeep.stop();
    try {
      while (upkeep.tidy(true) > 0) {} // why: leaves at most one segment per level
      createdAndIndexed(aStory().titled("one").build());
      createdAndIndexed(aStory().titled("two").build());
      assertThat(upkeep.tidy(false)).as("steps under writes, two new segments").isZero();
      assertThat(upkeep.tidy(true)).as("steps in quiet times, two new segments").isPositive();
      indexIsTidy(1);
    } finally {
      upkeep.start();
    }
  }

  @Override
  void indexIsTidy(int steps) {
    assertThat(steps).as("merge steps after 40 creates, one segment each").isPositive();
    jdbc.sql("INSERT INTO story_search (story_search, rank) VALUES ('integrity-check', 1)")
        .update();
  }
}
