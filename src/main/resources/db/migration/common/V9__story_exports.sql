-- Exports (PDF, EPUB, offline bundle) cached per story version and the asset versions it showed.
CREATE TABLE story_exports (
    story_id    TEXT NOT NULL,
    format      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    blob_hash   TEXT NOT NULL REFERENCES blobs (hash),
    size_bytes  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (story_id, format, fingerprint)
);
