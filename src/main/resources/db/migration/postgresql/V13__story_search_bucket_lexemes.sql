-- Creation-bucket lexemes become '#<bucket>': as 'doc#<bucket>' a query word such as "doc" or "d" matched every story
-- by prefix. Query words are letters and digits only, so none is a prefix of a lexeme that starts with '#'.
UPDATE stories
SET search_vector = ts_delete(search_vector, ARRAY['doc#' || (doc_number / 2048)]) || array_to_tsvector(ARRAY['#' || (doc_number / 2048)])
WHERE search_vector IS NOT NULL;
