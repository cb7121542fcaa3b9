-- pantau schema, version 2: a log of which cases changed, so that readers keeping a compact index
-- of the cases (the TUI, the index cache of the CLI) can bring it up to date by reading only
-- what changed. Every write to a case or its status history appends its case id, whoever writes
-- (pantau, the sqlite3 shell, another program). Writers prune the oldest entries; a reader that
-- fell behind the pruned part rebuilds its index.

CREATE TABLE case_changes (
    rev     INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL
) STRICT;

-- A random identity of this database file's content, so that an index built from one database is
-- never taken for another's (a demo database replaced by a new one, a restored backup).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

CREATE TRIGGER cases_log_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_changes (case_id) VALUES (new.id);
END;

CREATE TRIGGER cases_log_update AFTER UPDATE ON cases BEGIN
    INSERT INTO case_changes (case_id) VALUES (new.id);
    INSERT INTO case_changes (case_id) SELECT old.id WHERE old.id <> new.id;
END;

CREATE TRIGGER cases_log_delete AFTER DELETE ON cases BEGIN
    INSERT INTO case_changes (case_id) VALUES (old.id);
END;

CREATE TRIGGER history_log_insert AFTER INSERT ON status_history BEGIN
    INSERT INTO case_changes (case_id) VALUES (new.case_id);
END;

CREATE TRIGGER history_log_update AFTER UPDATE ON status_history BEGIN
    INSERT INTO case_changes (case_id) VALUES (new.case_id);
    INSERT INTO case_changes (case_id) SELECT old.case_id WHERE old.case_id <> new.case_id;
END;

CREATE TRIGGER history_log_delete AFTER DELETE ON status_history BEGIN
    INSERT INTO case_changes (case_id) VALUES (old.case_id);
END;
