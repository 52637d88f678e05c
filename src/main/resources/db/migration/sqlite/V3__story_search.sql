-- Full-text search over title, page text, tags and characters (FTS5, kept in step by StorySearch).
CREATE VIRTUAL TABLE story_search USING fts5(
    story_id UNINDEXED,
    title,
    body,
    tags,
    characters,
    tokenize = 'unicode61 remove_diacritics 2'
);
