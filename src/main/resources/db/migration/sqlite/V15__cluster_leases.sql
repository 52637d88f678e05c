-- Embedded mode coordinates in-process (LocalCoordination); the table exists so both schemas list the same tables.
CREATE TABLE cluster_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
