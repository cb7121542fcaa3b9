-- pantau schema, version 3: every entry of the change log carries a random stamp, so that the
-- same revision in two histories of one database (a file restored with `cp`, then written again)
-- is told apart: an index kept for one history is never taken for the other. Entries from before
-- this version get a stamp of their own too.

ALTER TABLE case_changes ADD COLUMN stamp INTEGER NOT NULL DEFAULT 0;

UPDATE case_changes SET stamp = random();

DROP TRIGGER cases_log_insert;
DROP TRIGGER cases_log_update;
DROP TRIGGER cases_log_delete;
DROP TRIGGER history_log_insert;
DROP TRIGGER history_log_update;
DROP TRIGGER history_log_delete;

CREATE TRIGGER cases_log_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.id, random());
END;

CREATE TRIGGER cases_log_update AFTER UPDATE ON cases BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.id, random());
    INSERT INTO case_changes (case_id, stamp) SELECT old.id, random() WHERE old.id <> new.id;
END;

CREATE TRIGGER cases_log_delete AFTER DELETE ON cases BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (old.id, random());
END;

CREATE TRIGGER history_log_insert AFTER INSERT ON status_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.case_id, random());
END;

CREATE TRIGGER history_log_update AFTER UPDATE ON status_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.case_id, random());
    INSERT INTO case_changes (case_id, stamp) SELECT old.case_id, random() WHERE old.case_id <> new.case_id;
END;

CREATE TRIGGER history_log_delete AFTER DELETE ON status_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (old.case_id, random());
END;
