package dev.storyvault.story;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FTS5: a contentless-by-convention virtual table keyed by story id, prefix queries, bm25 ranking. */
class SqliteStorySearch implements StorySearch {

    private final JdbcClient jdbc;

    SqliteStorySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void index(Story story) {
        remove(story.id());
        jdbc.sql("INSERT INTO story_search (story_id, title, body, tags, characters) VALUES (?, ?, ?, ?, ?)")
                .params(story.id(), story.content().title(), StorySearch.body(story),
                        String.join(" ", story.content().tags()), String.join(" ", story.content().characters()))
                .update();
    }

    @Override
    public void remove(String storyId) {
        jdbc.sql("DELETE FROM story_search WHERE story_id = ?").param(storyId).update();
    }

    @Override
    public TextMatch match(List<String> terms) {
        // why: each term quoted, so no query syntax of the user's reaches FTS5; '*' makes it a prefix
        String query = terms.stream().map(t -> "\"" + t + "\"*").collect(Collectors.joining(" "));
        return new TextMatch("JOIN story_search ON story_search.story_id = s.id", "story_search MATCH ?",
                "story_search.rank", query);
    }
}
