package dev.storyvault.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Full-text search over title, page text, tags and characters: SQLite FTS5 in embedded mode,
 * PostgreSQL tsvector + GIN in scale-out mode. Both pass {@code StorySearchContract}.
 */
interface StorySearch {

  /** The next story's doc_number: increasing with creation, so "newest first" is index order. */
  long nextDocNumber();

  /**
   * Brings the index in step with the story, in the caller's transaction (the {@link
   * StoryIndexer}'s, after the story's own write).
   */
  void index(Story story);

  /**
   * Whether a write indexes its story itself, in its own transaction ({@link #rowColumns} for a new
   * one, {@link #index} for a change), rather than queueing it for the {@link StoryIndexer}.
   */
  default boolean indexesInWrite() {
    return false;
  }

  /**
   * Columns the index keeps on the stories row itself, written by the row's INSERT; none where the
   * index is its own table.
   */
  default RowColumns rowColumns(Story story, long docNumber) {
    return RowColumns.NONE;
  }

  /**
   * {@code names} and {@code values} each start with a comma, ready to append to an INSERT's lists.
   */
  record RowColumns(String names, String values, List<Object> parameters) {
    static final RowColumns NONE = new RowColumns("", "", List.of());
  }

  void remove(String storyId);

  /** After the stories were copied in from another database: doc numbers continue past theirs. */
  default void continueDocNumbers() {}

  /** How often {@link SearchIndexUpkeep} runs {@link #tidyStep(boolean)}. */
  default Duration upkeepEvery() {
    return Duration.ofMillis(50);
  }

  /**
   * Makes {@link #tidyStep(boolean)} the index's only upkeep (run by {@link SearchIndexUpkeep} at
   * start, in a transaction).
   */
  default void takeOverUpkeep() {}

  /**
   * One step of background upkeep, in the caller's transaction; true if it did work and more may be
   * left. {@code quiet}: no story was written for a while, so the step may do work that only pays
   * off for reads.
   */
  default boolean tidyStep(boolean quiet) {
    return false;
  }

  /**
   * The SQL that restricts {@code stories s} to matches of all {@code terms}, and ranks them (lower
   * is better). {@code tag}, when given, may be used to narrow the match early; the caller still
   * filters by it.
   */
  TextMatch match(List<String> terms, String tag);

  /**
   * {@code from} names the tables (with {@code stories s}), {@code condition} the match, {@code
   * rank} its order, {@code newest} the column that orders matches by creation most cheaply.
   */
  /** The condition "story s has this exact tag", with one parameter (the tag). */
  default String tagCondition() {
    return "EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id AND t.tag = ?)";
  }

  /**
   * {@code parameter} goes with {@code rank} and {@code condition}; {@code more}, if any, follow it
   * in {@code condition}.
   */
  record TextMatch(
      String from,
      String condition,
      String rank,
      String newest,
      Object parameter,
      List<Object> more) {
    TextMatch(String from, String condition, String rank, String newest, Object parameter) {
      this(from, condition, rank, newest, parameter, List.of());
    }

    List<Object> conditionParameters() {
      List<Object> all = new ArrayList<>(List.of(parameter));
      all.addAll(more);
      return all;
    }
  }

  /**
   * For newest-first pages: the same match narrowed to recent stories (below doc number {@code
   * below}, or the newest), cheaper where matches are many. Only a page that comes back full may be
   * used; otherwise run {@code match} itself. Empty where narrowing would not pay.
   */
  default Optional<TextMatch> recent(TextMatch match, Long below) {
    return Optional.empty();
  }

  /**
   * Words of a query: letters and digits only, lowercased, at most 10 — nothing else reaches SQL.
   */
  static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && terms.size() < 10)
        terms.add(word.length() > 50 ? word.substring(0, 50) : word);
    }
    return terms;
  }

  static String body(Story story) {
    StringBuilder body = new StringBuilder();
    story.content().pages().forEach(p -> body.append(p.text()).append('\n'));
    return body.toString();
  }
}
