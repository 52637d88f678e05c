package dev.storyvault.story;

import dev.storyvault.database.DerivedData;
import dev.storyvault.database.WriteTransactions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The full-text index and the doc number sequence rebuilt from the stories' rows, a few hundred
 * stories per transaction (after an embedded installation was copied into PostgreSQL).
 */
@Component
class SearchIndexRebuild implements DerivedData {

  private static final int BATCH = 500;

  private final Stories stories;
  private final StorySearch search;
  private final WriteTransactions writes;

  SearchIndexRebuild(Stories stories, StorySearch search, WriteTransactions writes) {
    this.stories = stories;
    this.search = search;
    this.writes = writes;
  }

  @Override
  public String name() {
    return "story search index";
  }

  @Override
  public void rebuild() {
    writes.run(search::continueDocNumbers);
    String after = "";
    for (List<String> ids; !(ids = stories.idsAfter(after, BATCH)).isEmpty(); ) {
      List<String> batch = ids;
      writes.run(() -> stories.findAll(batch).forEach(search::index));
      after = ids.getLast();
    }
  }
}
