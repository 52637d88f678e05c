-- Types here are ones SQLite and PostgreSQL both accept; times are epoch milliseconds (BIGINT)
-- why: SQLite has no timestamp type, and one representation keeps every query the same on both.

CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    username   TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id),
    scopes       TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);

CREATE TABLE blobs (
    hash       TEXT PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    ref_count  BIGINT NOT NULL DEFAULT 0,
    state      TEXT NOT NULL DEFAULT 'live',
    touched_at BIGINT NOT NULL
);
CREATE INDEX blobs_collectable ON blobs (ref_count, touched_at);

CREATE TABLE assets (
    id              TEXT PRIMARY KEY,
    owner_id        TEXT NOT NULL REFERENCES users (id),
    story_id        TEXT,
    kind            TEXT NOT NULL,
    filename        TEXT NOT NULL,
    is_public       BOOLEAN NOT NULL DEFAULT FALSE,
    current_version INTEGER NOT NULL,
    metadata        TEXT NOT NULL DEFAULT '{}',
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX assets_by_owner ON assets (owner_id, id);
CREATE INDEX assets_by_story ON assets (story_id, id);

CREATE TABLE asset_versions (
    asset_id    TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    blob_hash   TEXT NOT NULL REFERENCES blobs (hash),
    format      TEXT NOT NULL,
    size_bytes  BIGINT NOT NULL,
    width       INTEGER,
    height      INTEGER,
    duration_ms BIGINT,
    filename    TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (asset_id, version)
);
CREATE INDEX asset_versions_by_blob ON asset_versions (blob_hash);
