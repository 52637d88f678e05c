-- People's ratings of generated content (1-5) per provider, and the routing weights optimize computed from them.
CREATE TABLE ai_ratings (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    modality    TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    score       INTEGER NOT NULL,
    target      TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ai_ratings_by_provider ON ai_ratings (modality, provider_id, created_at);

CREATE TABLE ai_routing_weights (
    modality    TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    weight      DOUBLE PRECISION NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (modality, provider_id)
);
