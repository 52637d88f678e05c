-- Interactive story sessions: what a session pinned (story and bible version), its variables, running
-- summary, seed and version (compare-and-set), and its append-only turns.
CREATE TABLE story_sessions (
    id            TEXT PRIMARY KEY,
    owner_id      TEXT NOT NULL,
    owner_role    TEXT NOT NULL,
    story_id      TEXT,
    story_version INTEGER,
    bible         TEXT NOT NULL,
    characters    TEXT NOT NULL,
    seed          BIGINT NOT NULL,
    variables     TEXT NOT NULL,
    summary       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    turns         INTEGER NOT NULL,
    expires_at    BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX story_sessions_by_owner ON story_sessions (owner_id, created_at);
CREATE INDEX story_sessions_by_expiry ON story_sessions (expires_at);

CREATE TABLE story_session_turns (
    session_id TEXT NOT NULL,
    turn       INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    input      TEXT NOT NULL,
    text       TEXT NOT NULL,
    provider   TEXT,
    job_id     TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, turn)
);
