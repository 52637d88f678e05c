-- The same registry table for our SQLite repository (SqliteEventPublications); times in epoch milliseconds.
CREATE TABLE event_publication (
    id                     TEXT NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       INTEGER NOT NULL,
    completion_date        INTEGER,
    status                 TEXT NOT NULL,
    completion_attempts    INTEGER NOT NULL DEFAULT 1,
    last_resubmission_date INTEGER
);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id, completion_date);
CREATE INDEX event_publication_by_date ON event_publication (publication_date);
