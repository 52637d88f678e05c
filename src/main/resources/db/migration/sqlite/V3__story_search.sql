-- Full-text search over title, page text, tags and characters (FTS5, kept in step by StorySearch).
-- why rowid: each entry's rowid is its story's doc_number, so matches join back through an integer index.
CREATE VIRTUAL TABLE story_search USING fts5(
    title,
    body,
    tags,
    characters,
    tokenize = 'unicode61 remove_diacritics 2'
);
