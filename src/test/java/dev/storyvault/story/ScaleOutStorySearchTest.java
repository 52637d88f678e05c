package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ScaleOutServices.class)
class ScaleOutStorySearchTest extends StorySearchContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.scaleOut(registry);
  }

  /**
   * Newest-first searches look in recent creation buckets first (PostgresStorySearch.recent); older
   * matches still follow.
   */
  @Test
  void pagesReachMatchesOlderThanTheRecentBuckets() {
    String word = "zw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String old = create(alice, aStory().titled(word + " old").build());
    jdbc.sql("SELECT setval('story_doc_numbers', nextval('story_doc_numbers') + 5 * ?)")
        .param(PostgresStorySearch.BUCKET)
        .query(Long.class)
        .single();
    String middle = create(alice, aStory().titled(word + " middle").build());
    String newest = create(alice, aStory().titled(word + " newest").build());
    assertThat(pages(alice, "q=" + word + "&limit=1")).containsExactly(newest, middle, old);
    assertThat(pages(alice, "q=" + word + "&limit=2")).containsExactly(newest, middle, old);
  }
}
