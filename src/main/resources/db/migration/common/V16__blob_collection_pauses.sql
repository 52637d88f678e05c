-- Pauses of blob collection (a backup copying blobs); each ends by itself at until_at.
CREATE TABLE blob_collection_pauses (
    id       TEXT PRIMARY KEY,
    reason   TEXT NOT NULL,
    until_at BIGINT NOT NULL
);
