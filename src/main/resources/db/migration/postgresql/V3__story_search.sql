-- Full-text search over title, page text, tags and characters (tsvector + GIN, kept in step by StorySearch).
ALTER TABLE stories ADD COLUMN search_vector tsvector;
CREATE INDEX stories_search ON stories USING GIN (search_vector);

-- doc_number: creation order, so that "newest first" needs no sort.
CREATE SEQUENCE story_doc_numbers;
