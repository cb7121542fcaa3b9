-- pantau schema, version 1. Applied once by the migration runner; later versions append files.

CREATE TABLE regions (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    short_name      TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
    parent_code     TEXT REFERENCES regions(code),
    kecamatan_count INTEGER NOT NULL,
    position        INTEGER NOT NULL
) STRICT;

CREATE TABLE stages (
    code      TEXT PRIMARY KEY,
    name_id   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    starts_on TEXT,
    ends_on   TEXT,
    position  INTEGER NOT NULL
) STRICT;

CREATE TABLE holidays (
    day  TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('import', 'demo', 'simulate', 'manual')),
    imported_by    TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    source_name    TEXT NOT NULL,
    sha256         TEXT,
    rows_total     INTEGER NOT NULL DEFAULT 0,
    rows_new       INTEGER NOT NULL DEFAULT 0,
    rows_changed   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE cases (
    id                    INTEGER PRIMARY KEY,
    nomor                 TEXT NOT NULL UNIQUE CHECK (length(trim(nomor)) > 0),
    nomor_registrasi      TEXT,
    sumber                TEXT NOT NULL CHECK (sumber IN ('temuan', 'laporan')),
    kode_wilayah          TEXT NOT NULL REFERENCES regions(code),
    kecamatan             TEXT,
    kode_tahapan          TEXT NOT NULL REFERENCES stages(code),
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
    updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX cases_by_received ON cases(tanggal_diterima);
CREATE INDEX cases_by_region ON cases(kode_wilayah, tanggal_diterima);
CREATE INDEX cases_by_stage ON cases(kode_tahapan, tanggal_diterima);

CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    note        TEXT,
    batch_id    INTEGER REFERENCES import_batches(id)
) STRICT;

CREATE INDEX status_history_by_case ON status_history(case_id, changed_at);

CREATE TABLE campaign_activity (
    kode_wilayah       TEXT NOT NULL REFERENCES regions(code),
    week_start         TEXT NOT NULL,
    pertemuan_terbatas INTEGER NOT NULL DEFAULT 0 CHECK (pertemuan_terbatas >= 0),
    tatap_muka         INTEGER NOT NULL DEFAULT 0 CHECK (tatap_muka >= 0),
    rapat_umum         INTEGER NOT NULL DEFAULT 0 CHECK (rapat_umum >= 0),
    lainnya            INTEGER NOT NULL DEFAULT 0 CHECK (lainnya >= 0),
    PRIMARY KEY (kode_wilayah, week_start)
) STRICT;

-- Full-text search over the case text: accent- and case-insensitive, kept in step by triggers.
CREATE VIRTUAL TABLE cases_fts USING fts5(
    nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal,
    content = 'cases', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

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
