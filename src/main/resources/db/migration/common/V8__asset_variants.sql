-- Variants (thumbnail, webp, avif, print) and signed transforms of one asset version, each a stored blob.
-- why a row per (version, name): the same name of another version is another image; a URL pinned to a
-- version can be cached forever.
CREATE TABLE asset_variants (
    asset_id   TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    blob_hash  TEXT NOT NULL REFERENCES blobs (hash),
    mime_type  TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (asset_id, version, name)
);
