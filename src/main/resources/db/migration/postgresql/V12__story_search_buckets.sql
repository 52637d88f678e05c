-- Each story's creation bucket as a lexeme of its search vector (PostgresStorySearch.recent), so that a
-- newest-first search can ask the GIN index for recent matches only. '#' never comes from a query's terms.
UPDATE stories SET search_vector = search_vector || array_to_tsvector(ARRAY['doc#' || (doc_number / 2048)]);
