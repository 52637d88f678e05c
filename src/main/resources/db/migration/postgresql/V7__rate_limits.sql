-- Token buckets shared by all instances when storyvault.rate-limits.backend=postgresql (bucket4j).
CREATE TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
