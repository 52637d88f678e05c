-- The documents of every collection. Each indexed field gets an expression index of its own,
-- partial on its collection, made when the field is declared (CollectionIndexes).
CREATE TABLE collection_documents (
    id         TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    owner_id   TEXT,
    version    INTEGER NOT NULL,
    document   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- why no index on (collection, …) here: SQLite keeps no per-value statistics, so it took such an
-- index for a few rows per collection and read a large collection whole rather than use the field's
-- index; each collection gets its own partial indexes on id, created_at and owner_id instead.

-- why: SQLite has no index over the elements of a JSON array, so the elements of indexed array
-- fields are kept here, in the documents' transactions, for "tags ?= 'boss'".
CREATE TABLE collection_array_values (
    collection  TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (collection, field, value, document_id)
) WITHOUT ROWID;
CREATE INDEX collection_array_values_by_document ON collection_array_values (document_id);
