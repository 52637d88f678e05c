package dev.storyvault.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * tsvector on the stories row (title and tags weighted above text), GIN-indexed, prefix queries.
 */
class PostgresStorySearch implements StorySearch {

  private final JdbcClient jdbc;

  PostgresStorySearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long nextDocNumber() {
    return jdbc.sql("SELECT nextval('story_doc_numbers')").query(Long.class).single();
  }

  @Override
  public void continueDocNumbers() {
    jdbc.sql(
            "SELECT setval('story_doc_numbers', COALESCE(MAX(doc_number), 0) + 1, false) FROM stories")
        .query(Long.class)
        .single();
  }

  private static final String VECTOR =
      """
            setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'A')
            || setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'C')""";

  /**
   * The lexeme naming a story's creation bucket ({@value #BUCKET} doc numbers each): '#' and the
   * number. why '#' first: query words are letters and digits only, so none is the lexeme or a
   * prefix of it (as 'doc#12' it was: the prefix query "d" matched every story); only {@link
   * #recent} matches it.
   */
  static final long BUCKET = 2048;

  private static final String BUCKET_LEXEME =
      "array_to_tsvector(ARRAY['#' || (%s / " + BUCKET + ")])";

  @Override
  public void index(Story story) {
    List<Object> parameters = new ArrayList<>(columnValues(story));
    parameters.add(story.id());
    jdbc.sql(
            "UPDATE stories SET search_vector = "
                + VECTOR
                + " || "
                + BUCKET_LEXEME.formatted("doc_number")
                + ", tag_list = ? WHERE id = ?")
        .params(parameters)
        .update();
  }

  /**
   * why in the write: measured with bench/story-store, indexing in the background cost more than it
   * saved here. Its UPDATE wrote a second version of each new row and a second entry in every index
   * on stories (the vector's GIN index rules out a heap-only update): title-only creates fell from
   * 1,847 to 1,091 per second and 10-page creates gained 8 %. PostgreSQL computes the vector inside
   * the INSERT, and other writers run beside it.
   */
  @Override
  public boolean indexesInWrite() {
    return true;
  }

  @Override
  public RowColumns rowColumns(Story story, long docNumber) {
    List<Object> parameters = new ArrayList<>(columnValues(story));
    parameters.add(
        parameters.size() - 1, docNumber); // why before the last: the tag array follows the vector
    return new RowColumns(
        ", search_vector, tag_list",
        ", " + VECTOR + " || " + BUCKET_LEXEME.formatted("?::bigint") + ", ?",
        parameters);
  }

  private static List<Object> columnValues(Story story) {
    return List.of(
        story.content().title(),
        String.join(" ", story.content().tags()),
        String.join(" ", story.content().characters()),
        StorySearch.body(story),
        story.content().tags().toArray(String[]::new));
  }

  /**
   * why an array on the row: the search has already fetched the row, so checking its tags costs
   * nothing, where the story_tags EXISTS took one more index probe per match (half of a 34 ms
   * search at 100,000).
   */
  @Override
  public String tagCondition() {
    return "s.tag_list @> ARRAY[?]::text[]";
  }

  @Override
  public void remove(String storyId) {
    // the vector lives on the row and goes with it
  }

  /**
   * why: new entries of the GIN index wait in its pending list (up to 4 MB by default), which every
   * search reads whole (500 of the 520 index pages one search read at 100,000 stories). Emptied
   * once a second, it is short, and empty once writes stop (relevance-sorted searches: p50 381 →
   * 108–144 ms in bench/story-store). why not more often: every 50 ms made creates slower (p99 38 →
   * 59–70 ms); GIN moves each word's new entries in one go, so smaller batches cost more per entry.
   */
  @Override
  public Duration upkeepEvery() {
    return Duration.ofSeconds(1);
  }

  /** One call empties the whole list, so there is never more to do in the same run. */
  @Override
  public boolean tidyStep(boolean quiet) {
    jdbc.sql("SELECT gin_clean_pending_list('stories_search')").query(Long.class).single();
    return false;
  }

  /**
   * why: the GIN index yields every match unordered, and each one's row was fetched to find the
   * newest (1,788 rows for a common word and tag at 100,000 stories, most of a 10 ms query).
   * Restricted to the four creation buckets below {@code below}, a common query fetches a few
   * dozen; if those are too few, the caller runs the full match, which is then cheap because
   * matches are few.
   */
  @Override
  public Optional<TextMatch> recent(TextMatch match, Long below) {
    long top =
        below != null
            ? below - 1
            : jdbc.sql("SELECT COALESCE(MAX(doc_number), 0) FROM stories")
                .query(Long.class)
                .single();
    StringBuilder buckets = new StringBuilder();
    for (long b = top / BUCKET; b >= Math.max(0, top / BUCKET - 3); b--)
      buckets.append(buckets.isEmpty() ? "" : " | ").append("'#").append(b).append("'");
    return Optional.of(
        new TextMatch(
            match.from(),
            "s.search_vector @@ (to_tsquery('simple', ?) && ?::tsquery)",
            match.rank(),
            match.newest(),
            match.parameter(),
            List.of(buckets.toString())));
  }

  @Override
  public TextMatch match(List<String> terms, String tag) {
    String query = terms.stream().map(t -> t + ":*").collect(Collectors.joining(" & "));
    if (tag != null) {
      // why: the tag's words join the GIN lookup, so the index intersects both instead of fetching
      // every
      // row that has the word; the exact tag check in SQL still follows
      query += " & " + String.join(" & ", StorySearch.terms(tag));
    }
    return new TextMatch(
        "stories s",
        "s.search_vector @@ to_tsquery('simple', ?)",
        "-ts_rank(s.search_vector, to_tsquery('simple', ?))",
        "s.doc_number",
        query);
  }
}
