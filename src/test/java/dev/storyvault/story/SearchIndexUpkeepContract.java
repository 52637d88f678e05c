package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What writes add to the full-text index is folded in by background upkeep, and searches find
 * everything before and after.
 */
abstract class SearchIndexUpkeepContract extends ApiTestBase {

  @Autowired SearchIndexUpkeep upkeep;
  @Autowired StoryIndexer indexer;

  @Autowired JdbcClient jdbc;

  @Test
  void searchesFindEveryStoryBeforeAndAfterTheIndexIsTidied() {
    String word = "zm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    upkeep.stop();
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++)
        ids.add(createdAndIndexed(aStory().titled(word + " " + i).withPage("page " + i).build()));
      assertThat(found(word)).containsExactlyInAnyOrderElementsOf(ids);
      int steps = 0;
      for (int run; (run = upkeep.tidy()) > 0; ) steps += run;
      indexIsTidy(steps);
      assertThat(found(word)).containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      upkeep.start();
    }
  }

  /**
   * why: the indexer takes stories in batches, one segment per batch; these tests need a segment
   * per story.
   */
  String createdAndIndexed(Map<String, Object> story) {
    indexer.pause(true);
    try {
      String id = create(alice, story);
      indexer.catchUp();
      return id;
    } finally {
      indexer.pause(false);
    }
  }

  /** What the database can tell about its index after {@code steps} upkeep steps that did work. */
  abstract void indexIsTidy(int steps);

  private List<String> found(String word) {
    return StorySearchContract.pages(alice, "limit=100&q=" + word);
  }
}
