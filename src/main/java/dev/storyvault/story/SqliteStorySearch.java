package dev.storyvault.story;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FTS5: one entry per story under its doc_number, prefix queries, bm25 ranking. */
class SqliteStorySearch implements StorySearch {

  /** Leaf pages one upkeep step merges (see {@link #tidyStep(boolean)}). */
  static final int PAGES_PER_STEP = 32;

  private final JdbcClient jdbc;

  SqliteStorySearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * why MAX + 1: writers are serialized (SqliteTransactionManager), so no two see the same maximum.
   */
  @Override
  public long nextDocNumber() {
    return jdbc.sql("SELECT COALESCE(MAX(doc_number), 0) + 1 FROM stories")
        .query(Long.class)
        .single();
  }

  @Override
  public void index(Story story) {
    remove(story.id());
    List<Object> values = new ArrayList<>(columns(story));
    values.add(story.id());
    jdbc.sql(
            "INSERT INTO story_search (rowid, title, body, tags, characters)"
                + " SELECT doc_number, ?, ?, ?, ? FROM stories WHERE id = ?")
        .params(values)
        .update();
  }

  private static List<Object> columns(Story story) {
    return List.of(
        story.content().title(),
        StorySearch.body(story),
        String.join(" ", story.content().tags()),
        String.join(" ", story.content().characters()));
  }

  @Override
  public void remove(String storyId) {
    jdbc.sql("DELETE FROM story_search WHERE rowid = (SELECT doc_number FROM stories WHERE id = ?)")
        .param(storyId)
        .update();
  }

  /**
   * why: left to itself, FTS5 merges its segments inside the commits of the writes that follow.
   * Timed in the server under 8 clients creating stories, 1 commit in 16 then took over 5 ms and 1
   * in 100 over 17–26 ms, and every create queued behind it waited too; with merges as separate
   * steps, commit p99 was 3.5–5 ms. The crisis threshold is raised from 16 so a level is merged
   * whole inside a commit only if the steps fall far behind.
   */
  @Override
  public void takeOverUpkeep() {
    jdbc.sql("INSERT INTO story_search (story_search, rank) VALUES ('automerge', 0)").update();
    jdbc.sql("INSERT INTO story_search (story_search, rank) VALUES ('crisismerge', 64)").update();
  }

  /**
   * Merges about {@value #PAGES_PER_STEP} leaf pages (a step holds the writer lock about 4 ms; its
   * fixed cost is most of that, so smaller steps only add steps). FTS5 changes fewer than 2 rows
   * when it found nothing to merge. Under writes, a level is merged once it has 4 segments; in
   * quiet times (a negative count) any 2 are, which leaves fewer segments for a search to read: a
   * prefix query over 100,000 stories went from 1.3–1.6 ms to 0.7–0.8 ms after about 1,000 such
   * steps (6 s).
   */
  @Override
  public boolean tidyStep(boolean quiet) {
    long before = totalChanges();
    jdbc.sql("INSERT INTO story_search (story_search, rank) VALUES ('merge', ?)")
        .param(quiet ? -PAGES_PER_STEP : PAGES_PER_STEP)
        .update();
    return totalChanges() - before >= 2;
  }

  private long totalChanges() {
    return jdbc.sql("SELECT total_changes()").query(Long.class).single();
  }

  @Override
  public TextMatch match(List<String> terms, String tag) {
    // why: each term quoted, so no query syntax of the user's reaches FTS5; '*' makes it a prefix
    String query = terms.stream().map(t -> "\"" + t + "\"*").collect(Collectors.joining(" "));
    if (tag != null) {
      // why: the tag narrows the match inside FTS (doclist intersection) instead of row by row
      // after it;
      // the exact tag check in SQL still follows, since "space-pirates" indexes as the phrase
      // "space pirates"
      query += " tags : \"" + String.join(" ", StorySearch.terms(tag)) + "\"";
    }
    // why CROSS JOIN: it makes SQLite drive from the FTS matches; the other order runs MATCH once
    // per story.
    // Ordered by rowid (= doc_number), FTS5 hands matches newest first and a LIMIT stops it early.
    return new TextMatch(
        "story_search CROSS JOIN stories s ON s.doc_number = story_search.rowid",
        "story_search MATCH ?",
        "story_search.rank",
        "story_search.rowid",
        query);
  }
}
