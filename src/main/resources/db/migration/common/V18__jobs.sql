-- Generation jobs: the truth about each job (status, stage, progress, attempts, lease, idempotency key,
-- input, stage outputs, result, error), its append-only event list, and the generation log of every request.
CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    owner_id         TEXT NOT NULL,
    owner_role       TEXT NOT NULL,
    type             TEXT NOT NULL,
    status           TEXT NOT NULL,
    stage            TEXT,
    progress         INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL,
    idempotency_key  TEXT,
    request_hash     TEXT NOT NULL,
    input            TEXT NOT NULL,
    state            TEXT NOT NULL,
    result           TEXT,
    error            TEXT,
    lease_owner      TEXT,
    lease_until      BIGINT,
    run_after        BIGINT NOT NULL,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX jobs_by_idempotency_key ON jobs (owner_id, idempotency_key);
CREATE INDEX jobs_runnable ON jobs (status, run_after);
CREATE INDEX jobs_by_owner ON jobs (owner_id, created_at);

CREATE TABLE job_events (
    job_id TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    at     BIGINT NOT NULL,
    type   TEXT NOT NULL,
    data   TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE generation_logs (
    id             TEXT PRIMARY KEY,
    owner_id       TEXT,
    source         TEXT NOT NULL,
    input_type     TEXT NOT NULL,
    input_size     INTEGER NOT NULL,
    status         TEXT NOT NULL,
    failure_reason TEXT,
    processing_ms  BIGINT,
    cost           DOUBLE PRECISION,
    providers      TEXT,
    story_id       TEXT,
    asset_id       TEXT,
    job_id         TEXT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX generation_logs_by_owner ON generation_logs (owner_id, created_at);
CREATE INDEX generation_logs_by_job ON generation_logs (job_id);
