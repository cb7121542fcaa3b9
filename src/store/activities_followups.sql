-- pantau schema, version 5: campaign activities as the office reports them, and what happens to a
-- case after it is forwarded.
--
-- Activities: per region, pekan (counted from the campaign's first day), method (reference data:
-- each election has its own list), contestant kind and, optionally, party. A correction replaces a
-- region's pekan and keeps the figures it replaced, with the batch that replaced them.
-- Follow-up steps: the police investigation, SP3, prosecution, trial and verdict of a crime; the
-- DKPP or KPU decision on ethics; an agency's recommendation; KPU's correction.

CREATE TABLE campaign_methods (
    code     TEXT PRIMARY KEY,
    name_id  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    position INTEGER NOT NULL
) STRICT;

INSERT INTO campaign_methods (code, name_id, name_en, position) VALUES
    ('PERTEMUAN_TERBATAS', 'Pertemuan terbatas', 'Limited meetings', 1),
    ('TATAP_MUKA', 'Tatap muka', 'Face-to-face meetings', 2),
    ('RAPAT_UMUM', 'Rapat umum', 'Rallies', 3),
    ('LAINNYA', 'Bentuk lain', 'Other forms', 4);

CREATE TABLE campaign_activities (
    kode_wilayah TEXT NOT NULL REFERENCES regions(code),
    pekan        INTEGER NOT NULL CHECK (pekan >= 1),
    method       TEXT NOT NULL REFERENCES campaign_methods(code),
    contestant   TEXT NOT NULL CHECK (length(contestant) > 0),
    party        TEXT NOT NULL DEFAULT '',
    count        INTEGER NOT NULL CHECK (count >= 0),
    batch_id     INTEGER REFERENCES import_batches(id),
    PRIMARY KEY (kode_wilayah, pekan, method, contestant, party)
) STRICT;

CREATE INDEX campaign_activities_by_pekan ON campaign_activities(pekan, kode_wilayah);

CREATE TABLE campaign_activity_history (
    id           INTEGER PRIMARY KEY,
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

CREATE INDEX campaign_activity_history_by_pekan ON campaign_activity_history(kode_wilayah, pekan);

-- What a batch loaded: cases (every batch so far) or campaign activities.
ALTER TABLE import_batches ADD COLUMN content TEXT NOT NULL DEFAULT 'cases'
    CHECK (content IN ('cases', 'activities'));

-- The weekly figures of schema 4 (weeks from Monday, four fixed methods, no contestant kind) move
-- to the pekan that holds the week's Tuesday, the first day of a pekan of Pemilu 2024's campaign.
INSERT INTO campaign_activities (kode_wilayah, pekan, method, contestant, party, count)
SELECT m.kode_wilayah, p.pekan, m.method, 'TIDAK_DIRINCI', '', SUM(m.n)
FROM (
    SELECT kode_wilayah, week_start, 'PERTEMUAN_TERBATAS' AS method, pertemuan_terbatas AS n FROM campaign_activity
    UNION ALL SELECT kode_wilayah, week_start, 'TATAP_MUKA', tatap_muka FROM campaign_activity
    UNION ALL SELECT kode_wilayah, week_start, 'RAPAT_UMUM', rapat_umum FROM campaign_activity
    UNION ALL SELECT kode_wilayah, week_start, 'LAINNYA', lainnya FROM campaign_activity
) m
JOIN (
    SELECT w.week_start AS week_start, CAST(MAX(1, MIN(
        (julianday(ends_on) - julianday(starts_on) + 1) / 7,
        (julianday(w.week_start) + 1 - julianday(starts_on)) / 7 + 1
    )) AS INTEGER) AS pekan
    FROM stages, (SELECT DISTINCT week_start FROM campaign_activity) w
    WHERE stages.code = 'KAMPANYE' AND starts_on IS NOT NULL AND ends_on IS NOT NULL
) p ON p.week_start = m.week_start
WHERE m.n > 0
GROUP BY m.kode_wilayah, p.pekan, m.method;

DROP TABLE campaign_activity;

CREATE TABLE follow_ups (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    step        TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    reference   TEXT,
    note        TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    batch_id    INTEGER REFERENCES import_batches(id),
    UNIQUE (case_id, step, happened_on)
) STRICT;

CREATE INDEX follow_ups_by_step ON follow_ups(step, case_id);
