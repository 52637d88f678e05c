-- Collections: a name, a JSON Schema, indexed fields, asset fields and access rules (the definition,
-- as JSON), its version, and every change to it.
CREATE TABLE collections (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    version    INTEGER NOT NULL,
    built_in   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE collection_changes (
    collection_name TEXT NOT NULL,
    version         INTEGER NOT NULL,
    document        TEXT NOT NULL,
    author_id       TEXT,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (collection_name, version)
);

CREATE TABLE collection_document_versions (
    document_id TEXT NOT NULL,
    version     INTEGER NOT NULL,
    document    TEXT NOT NULL,
    author_id   TEXT,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (document_id, version)
);
