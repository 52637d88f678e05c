-- People who log in (users, admins) and guests; service accounts (API keys only) have no login.
ALTER TABLE users ADD COLUMN login TEXT;
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN expires_at BIGINT;
CREATE UNIQUE INDEX users_by_login ON users (login);

-- Bearer tokens from login or guest access: opaque, stored as a SHA-256, expiring, revocable.
CREATE TABLE access_tokens (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX access_tokens_by_user ON access_tokens (user_id);

CREATE TABLE user_preferences (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    document   TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE reading_history (
    user_id  TEXT NOT NULL,
    story_id TEXT NOT NULL,
    read_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, story_id)
);
CREATE INDEX reading_history_recent ON reading_history (user_id, read_at);

CREATE TABLE audit_log (
    id             TEXT PRIMARY KEY,
    at             BIGINT NOT NULL,
    actor_id       TEXT,
    action         TEXT NOT NULL,
    detail         TEXT NOT NULL,
    remote_address TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
