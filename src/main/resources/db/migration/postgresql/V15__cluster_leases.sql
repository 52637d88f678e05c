-- Leases of the coordination seam (PostgreSQL backend): one row per cluster loop or held slot.
CREATE TABLE cluster_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
