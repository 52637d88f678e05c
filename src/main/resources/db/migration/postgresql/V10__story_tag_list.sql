-- The story's tags on its own row (kept by PostgresStorySearch.index), so a tag filter needs no join.
ALTER TABLE stories ADD COLUMN tag_list TEXT[] NOT NULL DEFAULT '{}';
UPDATE stories s SET tag_list = COALESCE((SELECT array_agg(t.tag ORDER BY t.tag) FROM story_tags t WHERE t.story_id = s.id), '{}');
CREATE INDEX stories_tag_list ON stories USING GIN (tag_list);
