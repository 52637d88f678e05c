-- Deleted stories, assets and collection documents during their grace period (module trash): the
-- owning module's rows as they were (payload, JSON), restorable until purge_after.
CREATE TABLE trash_items (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    title       TEXT NOT NULL,
    size_bytes  BIGINT NOT NULL,
    payload     TEXT NOT NULL,
    deleted_at  BIGINT NOT NULL,
    purge_after BIGINT NOT NULL
);
CREATE INDEX trash_items_by_owner ON trash_items (owner_id, deleted_at);
CREATE INDEX trash_items_by_purge ON trash_items (purge_after);

-- Abandoned content (never used, untouched past storyvault.cleanup.abandoned-after) marked by the
-- nightly cleanup; purged once purge_after passes if it is still abandoned then.
CREATE TABLE cleanup_marks (
    kind        TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    title       TEXT NOT NULL,
    size_bytes  BIGINT NOT NULL,
    marked_at   BIGINT NOT NULL,
    purge_after BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id)
);
CREATE INDEX cleanup_marks_by_purge ON cleanup_marks (purge_after);
