CREATE TABLE stories (
    id                TEXT PRIMARY KEY,
    doc_number        BIGINT NOT NULL UNIQUE, -- creation order; the FTS5 rowid (StorySearch.nextDocNumber)
    owner_id          TEXT NOT NULL REFERENCES users (id),
    title             TEXT NOT NULL,
    status            TEXT NOT NULL,
    category          TEXT,
    age_group         TEXT,
    is_public         BOOLEAN NOT NULL DEFAULT FALSE,
    version           INTEGER NOT NULL,
    document          TEXT NOT NULL,
    word_count        INTEGER NOT NULL,
    image_count       INTEGER NOT NULL,
    audio_duration_ms BIGINT NOT NULL,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX stories_by_owner ON stories (owner_id, created_at, id);
CREATE INDEX stories_by_status ON stories (status, updated_at);
CREATE INDEX stories_by_created ON stories (created_at, id);
CREATE INDEX stories_public ON stories (is_public, created_at);

CREATE TABLE story_tags (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX story_tags_by_tag ON story_tags (tag, story_id);

CREATE TABLE story_shares (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    PRIMARY KEY (story_id, user_id)
);
CREATE INDEX story_shares_by_user ON story_shares (user_id, story_id);

CREATE TABLE story_versions (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    document   TEXT NOT NULL,
    author_id  TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (story_id, version)
);

CREATE TABLE share_links (
    id         TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX share_links_by_story ON share_links (story_id);

-- Which documents use which assets: the basis of orphan detection. Kept by the asset module.
CREATE TABLE asset_references (
    asset_id      TEXT NOT NULL,
    referrer_type TEXT NOT NULL,
    referrer_id   TEXT NOT NULL,
    PRIMARY KEY (asset_id, referrer_type, referrer_id)
);
CREATE INDEX asset_references_by_referrer ON asset_references (referrer_type, referrer_id);
