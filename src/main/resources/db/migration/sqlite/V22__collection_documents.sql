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
CREATE INDEX collection_documents_by_collection ON collection_documents (collection, id);
CREATE INDEX collection_documents_by_created ON collection_documents (collection, created_at, id);
CREATE INDEX collection_documents_by_owner ON collection_documents (collection, owner_id, id);

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
