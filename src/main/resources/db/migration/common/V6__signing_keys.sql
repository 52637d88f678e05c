-- HMAC keys for signed URLs, shared by every instance through the database. The newest live key signs;
-- every live key verifies, so rotating never breaks a link that has not expired. Retiring a key does.
CREATE TABLE signing_keys (
    id         TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
