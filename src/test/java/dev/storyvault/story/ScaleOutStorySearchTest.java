package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.SecondInstance;
import dev.storyvault.support.TestModes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
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

  @Autowired Environment environment;

  /**
   * A search on one instance catches up with writes acknowledged on another, though no indexer has
   * taken them in yet.
   */
  @Test
  void aSearchOnOneInstanceSeesWritesAcknowledgedOnAnother() {
    String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (SecondInstance other = SecondInstance.ofSameInstallation(environment)) {
      StoryIndexer otherIndexer = other.bean(StoryIndexer.class);
      otherIndexer.pause(true);
      indexer.pause(true);
      try {
        String id = create(alice, aStory().titled(word + " elsewhere").build());
        Api aliceThere = new Api(other.baseUrl(), alice.token());
        assertThat(
                aliceThere
                    .get("/api/stories?q=" + word)
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asString())
            .isEqualTo(id);
      } finally {
        indexer.pause(false);
        otherIndexer.pause(false);
      }
    }
  }
}
