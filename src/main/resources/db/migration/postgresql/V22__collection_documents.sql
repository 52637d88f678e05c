-- The documents of every collection. Each indexed field gets an expression index of its own,
-- partial on its collection, made when the field is declared (CollectionIndexes); indexed array
-- fields share one GIN jsonb_path_ops index per collection.
CREATE TABLE collection_documents (
    id         TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    owner_id   TEXT,
    version    INTEGER NOT NULL,
    document   JSONB NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX collection_documents_by_collection ON collection_documents (collection, id);
CREATE INDEX collection_documents_by_created ON collection_documents (collection, created_at, id);
CREATE INDEX collection_documents_by_owner ON collection_documents (collection, owner_id, id);

-- why a function: a date-time index needs an immutable expression, and text::timestamptz is only
-- stable (a text without an offset depends on the session's time zone). Indexed date-time values
-- are checked to carry an offset before they are stored, so for them the cast is immutable.
CREATE FUNCTION sv_instant(value TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$ BEGIN RETURN value::timestamptz; END $$;
