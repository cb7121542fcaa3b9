-- pantau schema, version 7: regions as a tree, from Bawaslu RI down to the kelurahan/desa; where a
-- case happened (kecamatan, desa, TPS); and which office handled it when (pelimpahan).
--
-- `regions` holds every level that can handle a case: Bawaslu RI (kind `nasional`, code `RI`),
-- a province's Bawaslu, a kabupaten/kota's Bawaslu and a Panwaslu Kecamatan, each with its
-- Kemendagri code (`64`, `64.72`, `64.72.01`). A CHECK cannot change in place, so the table is
-- rebuilt (create, copy, drop, rename) with foreign keys off, checked before commit by the
-- runner. Kelurahan/desa never handle a case: they are a table of their own (83,762 rows for the
-- whole country). The kecamatan and desa of each province the database holds are loaded from
-- the embedded region tree right after this file runs, and existing free-text kecamatan are
-- resolved against it where they match (`store/regions.rs`).

CREATE TABLE regions_new (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    short_name      TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('nasional', 'provinsi', 'kabupaten', 'kota', 'kecamatan')),
    parent_code     TEXT REFERENCES regions(code),
    kecamatan_count INTEGER NOT NULL,
    position        INTEGER NOT NULL
) STRICT;

INSERT INTO regions_new (code, name, short_name, kind, parent_code, kecamatan_count, position)
SELECT code, name, short_name, kind, parent_code, kecamatan_count, position FROM regions;

DROP TABLE regions;
ALTER TABLE regions_new RENAME TO regions;

CREATE INDEX regions_by_parent ON regions(parent_code, position);

CREATE TABLE desa (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('kelurahan', 'desa')),
    kecamatan TEXT NOT NULL REFERENCES regions(code)
) STRICT;

CREATE INDEX desa_by_kecamatan ON desa(kecamatan);

-- Where the case happened. `kecamatan` (text, from version 1) keeps the name as the tree spells
-- it when `kode_kecamatan` is known, or as it was written when it is not (an unresolved name,
-- listed by `pantau doctor`). The TPS is its number within the desa.
ALTER TABLE cases ADD COLUMN kode_kecamatan TEXT REFERENCES regions(code);
ALTER TABLE cases ADD COLUMN kode_desa TEXT REFERENCES desa(code);
ALTER TABLE cases ADD COLUMN tps INTEGER CHECK (tps BETWEEN 1 AND 9999);

CREATE INDEX cases_by_kecamatan ON cases(kode_kecamatan);

-- The handling office's history. `cases.kode_wilayah` is the office handling the case now; each
-- row here records a transfer ("dilimpahkan", Perbawaslu 7/2022 Pasal 20) or a take-over
-- ("diambil_alih") taking effect on `on_date`. The office on a date is the `to_office` of the last
-- row on or before it, else the `from_office` of the first row (the office that received it).
CREATE TABLE handling_history (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    from_office TEXT NOT NULL REFERENCES regions(code),
    to_office   TEXT NOT NULL REFERENCES regions(code),
    kind        TEXT NOT NULL CHECK (kind IN ('dilimpahkan', 'diambil_alih')),
    letter      TEXT,
    note        TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    batch_id    INTEGER REFERENCES import_batches(id),
    CHECK (from_office <> to_office)
) STRICT;

CREATE INDEX handling_history_by_case ON handling_history(case_id, on_date);

CREATE TRIGGER handling_log_insert AFTER INSERT ON handling_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.case_id, random());
END;

CREATE TRIGGER handling_log_update AFTER UPDATE ON handling_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (new.case_id, random());
    INSERT INTO case_changes (case_id, stamp) SELECT old.case_id, random() WHERE old.case_id <> new.case_id;
END;

CREATE TRIGGER handling_log_delete AFTER DELETE ON handling_history BEGIN
    INSERT INTO case_changes (case_id, stamp) VALUES (old.case_id, random());
END;

-- Where a batch came from, for a national roll-up of provinces' exports: the exporting
-- database's identity and its province (`64`), when the file says so.
ALTER TABLE import_batches ADD COLUMN origin TEXT;
