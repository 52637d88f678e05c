-- Stories written since the full-text index last took them in (StoryIndexer). A write queues its story in its own
-- transaction; the indexer indexes what is queued in batches, and a search first catches up with what is left, so
-- it still sees every acknowledged write.
CREATE TABLE story_index_queue (
    story_id  TEXT PRIMARY KEY,
    queued_at BIGINT NOT NULL
);
