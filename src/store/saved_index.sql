-- pantau schema, version 8: the column index as the last large write left it (in the format of
-- the index cache, engine/cache.rs), so that the first report or screen after an import, a
-- restore or on another machine reads it and the cases changed since rather than every case.
-- Readers trust it no further than its header: the database it belongs to, the revision of the
-- change log it reaches and that entry's stamp; cases are checked against it as it is read.

CREATE TABLE case_index (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    stamp    INTEGER NOT NULL,
    cases    INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    bytes    BLOB NOT NULL
) STRICT;
