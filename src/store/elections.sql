-- pantau schema, version 6: cases belong to an election. Pemilu 2024 and Pilkada 2024 ran in the
-- same year with their own stages, campaign, limits, methods and contests, so an election is a
-- row, and a stage, a campaign method and a contest are keyed by (election, code): `KAMPANYE` of
-- Pemilu 2024 and of Pilkada 2024 are two rows. A case names its election (no default: a writer
-- that forgot it would file a Pilkada case under Pemilu 2024) and, where known, its contest; the
-- foreign key on (election, kode_tahapan) keeps a case under a stage of its own election, for
-- every writer.
--
-- A primary key cannot change in place, so stages, campaign methods, activities and cases are
-- rebuilt as SQLite documents it: create, copy, drop, rename, then the indexes and triggers as
-- before. The runner turns foreign keys off around this migration (dropping `cases` with them on
-- would delete every status history and follow-up by cascade) and runs `foreign_key_check`
-- before committing. Everything stored so far is Pemilu 2024's; copied rows keep their ids, so
-- the full-text index stays valid, and nothing is written to the change log: no case changed.

CREATE TABLE elections (
    code                 TEXT PRIMARY KEY CHECK (length(code) > 0),
    name_id              TEXT NOT NULL,
    name_en              TEXT NOT NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('pemilu', 'pemilihan')),
    voting_day           TEXT NOT NULL,
    campaign_stage       TEXT NOT NULL,
    case_segment         TEXT NOT NULL,
    file_days            INTEGER NOT NULL CHECK (file_days >= 0),
    file_count           TEXT NOT NULL CHECK (file_count IN ('calendar', 'working')),
    decide_days          INTEGER NOT NULL CHECK (decide_days >= 0),
    decide_extended_days INTEGER NOT NULL,
    decide_count         TEXT NOT NULL CHECK (decide_count IN ('calendar', 'working')),
    decide_from          TEXT NOT NULL CHECK (decide_from IN ('registration', 'receipt')),
    CHECK (decide_extended_days >= decide_days)
) STRICT;

INSERT INTO elections (code, name_id, name_en, kind, voting_day, campaign_stage, case_segment,
    file_days, file_count, decide_days, decide_extended_days, decide_count, decide_from)
VALUES ('PEMILU2024', 'Pemilu 2024', '2024 General Election', 'pemilu', '2024-02-14', 'KAMPANYE',
    'PL', 7, 'working', 7, 14, 'working', 'registration');

CREATE TABLE stages_new (
    election  TEXT NOT NULL REFERENCES elections(code),
    code      TEXT NOT NULL,
    name_id   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    starts_on TEXT,
    ends_on   TEXT,
    position  INTEGER NOT NULL,
    short_id  TEXT NOT NULL DEFAULT '',
    short_en  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (election, code)
) STRICT;

INSERT INTO stages_new (election, code, name_id, name_en, starts_on, ends_on, position, short_id, short_en)
SELECT 'PEMILU2024', code, name_id, name_en, starts_on, ends_on, position, short_id, short_en FROM stages;

CREATE TABLE campaign_methods_new (
    election TEXT NOT NULL REFERENCES elections(code),
    code     TEXT NOT NULL,
    name_id  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (election, code)
) STRICT;

INSERT INTO campaign_methods_new (election, code, name_id, name_en, position)
SELECT 'PEMILU2024', code, name_id, name_en, position FROM campaign_methods;

CREATE TABLE contests (
    election  TEXT NOT NULL REFERENCES elections(code),
    code      TEXT NOT NULL,
    name_id   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    region    TEXT REFERENCES regions(code),
    pairs     INTEGER CHECK (pairs >= 0),
    empty_box INTEGER NOT NULL DEFAULT 0 CHECK (empty_box IN (0, 1) AND (empty_box = 0 OR pairs = 1)),
    position  INTEGER NOT NULL,
    PRIMARY KEY (election, code)
) STRICT;

CREATE TABLE campaign_activities_new (
    election     TEXT NOT NULL REFERENCES elections(code),
    kode_wilayah TEXT NOT NULL REFERENCES regions(code),
    pekan        INTEGER NOT NULL CHECK (pekan >= 1),
    method       TEXT NOT NULL,
    contestant   TEXT NOT NULL CHECK (length(contestant) > 0),
    party        TEXT NOT NULL DEFAULT '',
    count        INTEGER NOT NULL CHECK (count >= 0),
    batch_id     INTEGER REFERENCES import_batches(id),
    PRIMARY KEY (election, kode_wilayah, pekan, method, contestant, party),
    FOREIGN KEY (election, method) REFERENCES campaign_methods(election, code)
) STRICT;

INSERT INTO campaign_activities_new (election, kode_wilayah, pekan, method, contestant, party, count, batch_id)
SELECT 'PEMILU2024', kode_wilayah, pekan, method, contestant, party, count, batch_id FROM campaign_activities;

CREATE TABLE campaign_activity_history_new (
    id           INTEGER PRIMARY KEY,
    election     TEXT NOT NULL,
    kode_wilayah TEXT NOT NULL,
    pekan        INTEGER NOT NULL,
    method       TEXT NOT NULL,
    contestant   TEXT NOT NULL,
    party        TEXT NOT NULL,
    count        INTEGER NOT NULL,
    batch_id     INTEGER REFERENCES import_batches(id),
    replaced_by  INTEGER REFERENCES import_batches(id),
    replaced_at  TEXT NOT NULL
) STRICT;

INSERT INTO campaign_activity_history_new (id, election, kode_wilayah, pekan, method, contestant,
    party, count, batch_id, replaced_by, replaced_at)
SELECT id, 'PEMILU2024', kode_wilayah, pekan, method, contestant, party, count, batch_id,
    replaced_by, replaced_at FROM campaign_activity_history;

-- The columns of version 1 in their order, then the election and the contest.
CREATE TABLE cases_new (
    id                    INTEGER PRIMARY KEY,
    nomor                 TEXT NOT NULL UNIQUE CHECK (length(trim(nomor)) > 0),
    nomor_registrasi      TEXT,
    sumber                TEXT NOT NULL CHECK (sumber IN ('temuan', 'laporan')),
    kode_wilayah          TEXT NOT NULL REFERENCES regions(code),
    kecamatan             TEXT,
    kode_tahapan          TEXT NOT NULL,
    tanggal_kejadian      TEXT,
    tanggal_diketahui     TEXT,
    tanggal_diterima      TEXT NOT NULL,
    tanggal_registrasi    TEXT,
    status                TEXT NOT NULL,
    diperpanjang          INTEGER NOT NULL DEFAULT 0 CHECK (diperpanjang IN (0, 1)),
    jenis_dugaan          TEXT,
    jenis_pelanggaran     TEXT,
    pasal                 TEXT,
    uraian                TEXT NOT NULL DEFAULT '',
    terlapor              TEXT,
    kategori_terlapor     TEXT,
    pelapor               TEXT,
    diteruskan_ke         TEXT,
    nomor_surat_penerusan TEXT,
    tanggal_penerusan     TEXT,
    batch_id              INTEGER REFERENCES import_batches(id),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    election              TEXT NOT NULL REFERENCES elections(code),
    kontestasi            TEXT,
    FOREIGN KEY (election, kode_tahapan) REFERENCES stages(election, code),
    FOREIGN KEY (election, kontestasi) REFERENCES contests(election, code)
) STRICT;

INSERT INTO cases_new (id, nomor, nomor_registrasi, sumber, kode_wilayah, kecamatan, kode_tahapan,
    tanggal_kejadian, tanggal_diketahui, tanggal_diterima, tanggal_registrasi, status, diperpanjang,
    jenis_dugaan, jenis_pelanggaran, pasal, uraian, terlapor, kategori_terlapor, pelapor,
    diteruskan_ke, nomor_surat_penerusan, tanggal_penerusan, batch_id, created_at, updated_at,
    election, kontestasi)
SELECT id, nomor, nomor_registrasi, sumber, kode_wilayah, kecamatan, kode_tahapan,
    tanggal_kejadian, tanggal_diketahui, tanggal_diterima, tanggal_registrasi, status, diperpanjang,
    jenis_dugaan, jenis_pelanggaran, pasal, uraian, terlapor, kategori_terlapor, pelapor,
    diteruskan_ke, nomor_surat_penerusan, tanggal_penerusan, batch_id, created_at, updated_at,
    'PEMILU2024', NULL
FROM cases;

DROP TABLE cases;
DROP TABLE campaign_activity_history;
DROP TABLE campaign_activities;
DROP TABLE campaign_methods;
DROP TABLE stages;

ALTER TABLE stages_new RENAME TO stages;
ALTER TABLE campaign_methods_new RENAME TO campaign_methods;
ALTER TABLE campaign_activities_new RENAME TO campaign_activities;
ALTER TABLE campaign_activity_history_new RENAME TO campaign_activity_history;
ALTER TABLE cases_new RENAME TO cases;

CREATE INDEX cases_by_received ON cases(tanggal_diterima);
CREATE INDEX cases_by_region ON cases(kode_wilayah, tanggal_diterima);
CREATE INDEX cases_by_stage ON cases(kode_tahapan, tanggal_diterima);
CREATE INDEX campaign_activities_by_pekan ON campaign_activities(election, pekan, kode_wilayah);
CREATE INDEX campaign_activity_history_by_pekan ON campaign_activity_history(election, kode_wilayah, pekan);

-- The triggers of `cases` went with the table; they come back as versions 1 and 3 made them.
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts(rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal)
    VALUES (new.id, new.nomor, new.nomor_registrasi, new.uraian, new.terlapor, new.pelapor, new.kecamatan, new.pasal);
END;

CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal)
    VALUES ('delete', old.id, old.nomor, old.nomor_registrasi, old.uraian, old.terlapor, old.pelapor, old.kecamatan, old.pasal);
END;

CREATE TRIGGER cases_fts_update AFTER UPDATE OF nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal)
    VALUES ('delete', old.id, old.nomor, old.nomor_registrasi, old.uraian, old.terlapor, old.pelapor, old.kecamatan, old.pasal);
    INSERT INTO cases_fts(rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal)
    VALUES (new.id, new.nomor, new.nomor_registrasi, new.uraian, new.terlapor, new.pelapor, new.kecamatan, new.pasal);
END;

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
