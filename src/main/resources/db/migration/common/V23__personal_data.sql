-- Erasures asked for and not yet finished (PersonalDataErasure): a crash mid-way is resumed at start.
CREATE TABLE personal_data_erasures (
    user_id      TEXT PRIMARY KEY,
    requested_at BIGINT NOT NULL
);

-- A person's exports made in the background (PersonalExports): the zip is a blob, referenced
-- until the export expires.
CREATE TABLE personal_exports (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    status      TEXT NOT NULL,
    blob_hash   TEXT,
    size_bytes  BIGINT,
    error       TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX personal_exports_by_user ON personal_exports (user_id, created_at);
CREATE INDEX personal_exports_by_expiry ON personal_exports (expires_at);
