//! Writes: reference data, import batches, cases with their status history, campaign activity.
//! Every value is a bound parameter. Callers outside the store group their writes in a [`Write`],
//! one transaction; the functions on a bare transaction are the store's own (and its tests').

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::domain::election::{
    Contest, DecideFrom, Election, ElectionKind, FIRST_ELECTION, Limits, count_code,
    count_from_code,
};
use crate::domain::wilayah::Desa;
use crate::domain::{CampaignMethod, Case, Holiday, Reference, Region, Stage, StatusChange};
use crate::error::{Error, Result};
use crate::store::{Store, sqlite_error};

/// A batch about to be written: who wrote what from where.
#[derive(Clone, Debug)]
pub struct NewBatch {
    pub kind: &'static str,
    pub imported_by: String,
    pub imported_at: NaiveDateTime,
    pub source_name: String,
    pub sha256: Option<String>,
}

/// A recorded batch with its counts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BatchInfo {
    pub id: i64,
    pub kind: String,
    pub imported_by: String,
    pub imported_at: String,
    pub source_name: String,
    pub sha256: Option<String>,
    pub rows_total: i64,
    pub rows_new: i64,
    pub rows_changed: i64,
    pub rows_unchanged: i64,
    pub rows_rejected: i64,
    /// What the batch loaded: `cases` or `activities` (campaign activities).
    pub content: String,
    /// The province its rows came from (`64`, `RI` for Bawaslu RI's own; several joined by
    /// commas), for an import into a national roll-up; `None` where nobody said or could tell.
    pub origin: Option<String>,
}

/// The column list of `cases` that a [`Case`] fills, in the order of [`case_values`].
pub const CASE_COLUMNS: &str = "nomor, nomor_registrasi, sumber, kode_wilayah, kecamatan, kode_tahapan, \
    tanggal_kejadian, tanggal_diketahui, tanggal_diterima, tanggal_registrasi, status, diperpanjang, \
    jenis_dugaan, jenis_pelanggaran, pasal, uraian, terlapor, kategori_terlapor, pelapor, diteruskan_ke, \
    nomor_surat_penerusan, tanggal_penerusan, election, kontestasi, kode_kecamatan, kode_desa, tps";

impl Store {
    /// Reads the reference data stored in the database.
    ///
    /// Read once per state of the database: again after any write, by this connection or another,
    /// and always inside a transaction (which may yet be rolled back).
    pub fn reference(&self) -> Result<Arc<Reference>> {
        let conn = self.conn();
        if !conn.is_autocommit() {
            return read_reference(conn).map(Arc::new).map_err(|e| self.err(e));
        }
        let state = (
            conn.pragma_query_value(None, "data_version", |r| r.get::<_, i64>(0))
                .map_err(|e| self.err(e))?,
            conn.total_changes(),
        );
        if let Some((seen, reference)) = &*self.reference.borrow()
            && *seen == state
        {
            return Ok(Arc::clone(reference));
        }
        let reference = Arc::new(read_reference(conn).map_err(|e| self.err(e))?);
        *self.reference.borrow_mut() = Some((state, Arc::clone(&reference)));
        Ok(reference)
    }

    /// Writes the reference data; returns whether anything changed (running it twice changes nothing).
    /// An election the database holds beyond `reference` (a later cycle loaded from its files)
    /// is kept as it is.
    pub fn load_reference(&mut self, reference: &Reference) -> Result<bool> {
        if holds(&*self.reference()?, reference) {
            return Ok(false);
        }
        let path = self.path().to_path_buf();
        let tx = self
            .conn_mut()
            .transaction()
            .map_err(|e| crate::store::sqlite_error(&path, e))?;
        write_reference(&tx, reference).map_err(|e| crate::store::sqlite_error(&path, e))?;
        tx.commit()
            .map_err(|e| crate::store::sqlite_error(&path, e))?;
        Ok(true)
    }

    /// The recorded batches, newest first.
    pub fn batches(&self) -> Result<Vec<BatchInfo>> {
        let mut s = self
            .conn()
            .prepare(
                "SELECT id, kind, imported_by, imported_at, source_name, sha256, rows_total, rows_new, \
                 rows_changed, rows_unchanged, rows_rejected, content, origin FROM import_batches ORDER BY id DESC",
            )
            .map_err(|e| self.err(e))?;
        s.query_map([], |r| {
            Ok(BatchInfo {
                id: r.get("id")?,
                kind: r.get("kind")?,
                imported_by: r.get("imported_by")?,
                imported_at: r.get("imported_at")?,
                source_name: r.get("source_name")?,
                sha256: r.get("sha256")?,
                rows_total: r.get("rows_total")?,
                rows_new: r.get("rows_new")?,
                rows_changed: r.get("rows_changed")?,
                rows_unchanged: r.get("rows_unchanged")?,
                rows_rejected: r.get("rows_rejected")?,
                content: r.get("content")?,
                origin: r.get("origin")?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }
}

/// The reference data stored in the database: regions, holidays and every election.
pub(crate) fn read_reference(c: &rusqlite::Connection) -> rusqlite::Result<Reference> {
    let all = c
        .prepare("SELECT code, name, short_name, kind, parent_code, kecamatan_count, position FROM regions ORDER BY position, code")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(Region {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    short_name: r.get(2)?,
                    kind: r.get(3)?,
                    parent_code: r.get(4)?,
                    kecamatan_count: r.get(5)?,
                    position: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })?;
    let (mut kecamatan, regions): (Vec<Region>, Vec<Region>) =
        all.into_iter().partition(|r| r.kind == "kecamatan");
    kecamatan.sort_by(|a, b| a.code.cmp(&b.code));
    // Read in the table's order and sorted here: `ORDER BY code` walks the primary key's index
    // and looks every row up in the table (a b-tree search per desa, a third of a small report).
    // Into a list made its size at once: grown as rows came, a province's thousand desa were
    // copied through five ever larger lists, each on fresh pages.
    let count: i64 = c.query_row("SELECT count(*) FROM desa", [], |r| r.get(0))?;
    let mut desa = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    {
        let mut s = c.prepare("SELECT code, name, kind, kecamatan FROM desa")?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            desa.push(Desa {
                code: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                kecamatan: r.get(3)?,
            });
        }
    }
    desa.sort_unstable_by(|a, b| a.code.cmp(&b.code));
    let mut holidays = c
        .prepare("SELECT day, name, kind FROM holidays")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(Holiday {
                    date: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })?;
    holidays.sort_by_key(|h| h.date);
    let elections = read_elections(c)?;
    let primary = elections
        .iter()
        .find(|e| e.code == FIRST_ELECTION)
        .or_else(|| elections.first());
    let stages = primary.map(|e| e.stages.clone()).unwrap_or_default();
    let methods = primary.map(|e| e.methods.clone()).unwrap_or_default();
    Ok(Reference {
        regions,
        kecamatan,
        desa,
        stages,
        holidays,
        methods,
        elections,
    })
}

/// Whether `stored` already holds everything `given` would write: its regions, its holidays and
/// each of its elections as given (`stored` may hold more elections: those loaded from files).
pub(crate) fn holds(stored: &Reference, given: &Reference) -> bool {
    stored.regions == given.regions
        && stored.kecamatan == given.kecamatan
        && stored.desa.len() == given.desa.len()
        && stored.desa == given.desa
        && stored.holidays == given.holidays
        && given
            .elections
            .iter()
            .all(|e| stored.election(&e.code) == Some(e))
}

/// After `wilayah.sql` ran on a database that held cases before: loads the kecamatan and desa
/// below its kabupaten/kota from the embedded tree, then gives each case whose free-text
/// kecamatan names exactly one kecamatan of its office's area that kecamatan's code (and the
/// tree's spelling). A name that matches none, or several, stays as it was written: `pantau
/// doctor` lists those.
pub(crate) fn fill_tree(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let stored = read_reference(tx)?;
    if stored.regions.is_empty() {
        return Ok(());
    }
    let (kecamatan, desa) = crate::domain::reference::tree_below(&stored.regions);
    let with_tree = Reference {
        kecamatan,
        desa,
        ..stored
    };
    write_reference(tx, &with_tree)?;
    let cases: Vec<(i64, String, String)> = tx
        .prepare(
            "SELECT id, kode_wilayah, kecamatan FROM cases \
             WHERE kecamatan IS NOT NULL AND kode_kecamatan IS NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        tx.prepare("UPDATE cases SET kode_kecamatan = ?2, kecamatan = ?3 WHERE id = ?1")?;
    for (id, office, text) in cases {
        if let Some(k) = crate::store::regions::resolve_kecamatan(&with_tree, &office, &text) {
            update.execute(params![id, k.code, k.name])?;
        }
    }
    Ok(())
}

pub(crate) fn write_reference(tx: &Transaction<'_>, r: &Reference) -> rusqlite::Result<()> {
    // Parents first: the provincial office before the kabupaten/kota that point at it.
    // Parents first: Bawaslu RI, then provinces, kabupaten/kota, kecamatan.
    let depth = |x: &Region| match x.kind.as_str() {
        "nasional" => 0,
        "provinsi" => 1,
        "kecamatan" => 3,
        _ => 2,
    };
    let mut regions: Vec<&Region> = r.regions.iter().chain(&r.kecamatan).collect();
    regions.sort_by_key(|x| depth(x));
    for x in regions {
        tx.execute(
            "INSERT INTO regions (code, name, short_name, kind, parent_code, kecamatan_count, position) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(code) DO UPDATE SET name = excluded.name, \
             short_name = excluded.short_name, kind = excluded.kind, parent_code = excluded.parent_code, \
             kecamatan_count = excluded.kecamatan_count, position = excluded.position",
            params![x.code, x.name, x.short_name, x.kind, x.parent_code, x.kecamatan_count, x.position],
        )?;
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO desa (code, name, kind, kecamatan) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             kecamatan = excluded.kecamatan",
        )?;
        for d in &r.desa {
            insert.execute(params![d.code, d.name, d.kind, d.kecamatan])?;
        }
    }
    for e in &r.elections {
        write_election(tx, e)?;
    }
    tx.execute("DELETE FROM holidays", [])?;
    for h in &r.holidays {
        tx.execute(
            "INSERT INTO holidays (day, name, kind) VALUES (?1, ?2, ?3)",
            params![h.date, h.name, h.kind],
        )?;
    }
    Ok(())
}

/// Writes one election with its stages, campaign methods and contests: added, or corrected in
/// place (a stage, method or contest the files no longer list stays, as cases may refer to it).
pub(crate) fn write_election(tx: &Transaction<'_>, e: &Election) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO elections (code, name_id, name_en, kind, voting_day, campaign_stage, case_segment, \
         file_days, file_count, decide_days, decide_extended_days, decide_count, decide_from) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
         ON CONFLICT(code) DO UPDATE SET name_id = excluded.name_id, name_en = excluded.name_en, \
         kind = excluded.kind, voting_day = excluded.voting_day, \
         campaign_stage = excluded.campaign_stage, case_segment = excluded.case_segment, \
         file_days = excluded.file_days, file_count = excluded.file_count, \
         decide_days = excluded.decide_days, decide_extended_days = excluded.decide_extended_days, \
         decide_count = excluded.decide_count, decide_from = excluded.decide_from",
        params![
            e.code,
            e.name_id,
            e.name_en,
            e.kind.code(),
            e.voting_day,
            e.campaign_stage,
            e.case_segment,
            e.limits.file_days,
            count_code(e.limits.file_count),
            e.limits.decide_days,
            e.limits.decide_extended_days,
            count_code(e.limits.decide_count),
            e.limits.decide_from.code()
        ],
    )?;
    for s in &e.stages {
        tx.execute(
            "INSERT INTO stages (election, code, name_id, name_en, starts_on, ends_on, position, short_id, short_en) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT(election, code) DO UPDATE SET name_id = excluded.name_id, name_en = excluded.name_en, \
             starts_on = excluded.starts_on, ends_on = excluded.ends_on, position = excluded.position, \
             short_id = excluded.short_id, short_en = excluded.short_en",
            params![e.code, s.code, s.name_id, s.name_en, s.starts_on, s.ends_on, s.position, s.short_id, s.short_en],
        )?;
    }
    for m in &e.methods {
        tx.execute(
            "INSERT INTO campaign_methods (election, code, name_id, name_en, position) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT(election, code) DO UPDATE SET name_id = excluded.name_id, \
             name_en = excluded.name_en, position = excluded.position",
            params![e.code, m.code, m.name_id, m.name_en, m.position],
        )?;
    }
    for c in &e.contests {
        tx.execute(
            "INSERT INTO contests (election, code, name_id, name_en, region, pairs, empty_box, position) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT(election, code) DO UPDATE SET name_id = excluded.name_id, \
             name_en = excluded.name_en, region = excluded.region, pairs = excluded.pairs, \
             empty_box = excluded.empty_box, position = excluded.position",
            params![e.code, c.code, c.name_id, c.name_en, c.region, c.pairs, c.empty_box, c.position],
        )?;
    }
    Ok(())
}

/// Every stored election with its stages, methods and contests, by voting day.
pub(crate) fn read_elections(c: &rusqlite::Connection) -> rusqlite::Result<Vec<Election>> {
    fn unknown(i: usize, code: String) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown code {code:?}").into(),
        )
    }
    let mut elections = c
        .prepare(
            "SELECT code, name_id, name_en, kind, voting_day, campaign_stage, case_segment, \
             file_days, file_count, decide_days, decide_extended_days, decide_count, decide_from \
             FROM elections ORDER BY voting_day, code",
        )?
        .query_map([], |r| {
            let code = |i: usize| -> rusqlite::Result<String> { r.get(i) };
            let kind = code(3)?;
            let file_count = code(8)?;
            let decide_count = code(11)?;
            let decide_from = code(12)?;
            Ok(Election {
                code: r.get(0)?,
                name_id: r.get(1)?,
                name_en: r.get(2)?,
                kind: ElectionKind::from_code(&kind).ok_or_else(|| unknown(3, kind.clone()))?,
                voting_day: r.get(4)?,
                campaign_stage: r.get(5)?,
                case_segment: r.get(6)?,
                limits: Limits {
                    file_days: r.get(7)?,
                    file_count: count_from_code(&file_count)
                        .ok_or_else(|| unknown(8, file_count.clone()))?,
                    decide_days: r.get(9)?,
                    decide_extended_days: r.get(10)?,
                    decide_count: count_from_code(&decide_count)
                        .ok_or_else(|| unknown(11, decide_count.clone()))?,
                    decide_from: DecideFrom::from_code(&decide_from)
                        .ok_or_else(|| unknown(12, decide_from.clone()))?,
                },
                stages: Vec::new(),
                methods: Vec::new(),
                contests: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stages = c.prepare(
        "SELECT code, name_id, name_en, starts_on, ends_on, position, short_id, short_en \
         FROM stages WHERE election = ?1 ORDER BY position",
    )?;
    let mut methods = c.prepare(
        "SELECT code, name_id, name_en, position FROM campaign_methods WHERE election = ?1 \
         ORDER BY position",
    )?;
    let mut contests = c.prepare(
        "SELECT code, name_id, name_en, region, pairs, empty_box, position FROM contests \
         WHERE election = ?1 ORDER BY position",
    )?;
    for e in &mut elections {
        e.stages = stages
            .query_map([&e.code], |r| {
                Ok(Stage {
                    code: r.get("code")?,
                    name_id: r.get("name_id")?,
                    name_en: r.get("name_en")?,
                    starts_on: r.get("starts_on")?,
                    ends_on: r.get("ends_on")?,
                    position: r.get("position")?,
                    short_id: r.get("short_id")?,
                    short_en: r.get("short_en")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        e.methods = methods
            .query_map([&e.code], |r| {
                Ok(CampaignMethod {
                    code: r.get("code")?,
                    name_id: r.get("name_id")?,
                    name_en: r.get("name_en")?,
                    position: r.get("position")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        e.contests = contests
            .query_map([&e.code], |r| {
                Ok(Contest {
                    code: r.get("code")?,
                    name_id: r.get("name_id")?,
                    name_en: r.get("name_en")?,
                    region: r.get("region")?,
                    pairs: r.get("pairs")?,
                    empty_box: r.get("empty_box")?,
                    position: r.get("position")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(elections)
}

/// Records a batch and returns its id.
pub fn insert_batch(tx: &Transaction<'_>, b: &NewBatch) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO import_batches (kind, imported_by, imported_at, source_name, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![b.kind, b.imported_by, b.imported_at, b.source_name, b.sha256],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Sets a batch's counts once it is done.
pub fn finish_batch(tx: &Transaction<'_>, id: i64, counts: [i64; 5]) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE import_batches SET rows_total = ?2, rows_new = ?3, rows_changed = ?4, rows_unchanged = ?5, \
         rows_rejected = ?6 WHERE id = ?1",
        params![id, counts[0], counts[1], counts[2], counts[3], counts[4]],
    )?;
    prune_changes(tx)
}

/// How many of the newest entries of the change log are kept: a reader whose index is older than
/// that rebuilds it, which is cheaper than replaying that many changes anyway.
pub const CHANGES_KEPT: i64 = 100_000;

/// Drops the oldest entries of the change log, never the newest (its `rev` is the revision).
pub fn prune_changes(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM case_changes WHERE rev <= (SELECT max(rev) FROM case_changes) - ?1",
        [CHANGES_KEPT],
    )?;
    Ok(())
}

/// Inserts a new case (of its election) with its status history; the case's `updated_at` is its
/// last history entry. Returns the case id.
pub fn insert_case(
    tx: &Transaction<'_>,
    case: &Case,
    history: &[StatusChange],
    batch_id: Option<i64>,
    now: NaiveDateTime,
) -> rusqlite::Result<i64> {
    let now = datetime_text(now);
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(26);
    let fields = case_values(case);
    values.extend(fields.iter().map(|(_, v)| v as &dyn rusqlite::ToSql));
    values.extend([&batch_id as &dyn rusqlite::ToSql, &now, &now]);
    let sql = format!(
        "INSERT INTO cases ({CASE_COLUMNS}, batch_id, created_at, updated_at) VALUES ({})",
        (1..=values.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    tx.prepare_cached(&sql)?.execute(values.as_slice())?;
    let id = tx.last_insert_rowid();
    for h in history {
        insert_history(tx, id, h, batch_id)?;
    }
    Ok(id)
}

/// Appends one entry to a case's status history.
pub fn insert_history(
    tx: &Transaction<'_>,
    case_id: i64,
    h: &StatusChange,
    batch_id: Option<i64>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by, note, batch_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![case_id, h.from.map(|s| s.code()), h.to.code(), h.at, h.by, h.note, batch_id])?;
    Ok(())
}

/// The id of the case with intake number `nomor`, if any.
pub fn case_id(tx: &Transaction<'_>, nomor: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row("SELECT id FROM cases WHERE nomor = ?1", [nomor], |r| {
        r.get(0)
    })
    .optional()
}

impl Store {
    /// Starts the write transaction of an import or a simulated event (`BEGIN IMMEDIATE`), waiting
    /// up to `wait` for another writer to finish. `waiting` is called once if the lock is not had
    /// within a second. Returns `None` if `cancel` is set while waiting; fails with
    /// [`Error::Locked`] when `wait` has passed.
    pub fn begin_write(
        &self,
        wait: Duration,
        cancel: &AtomicBool,
        waiting: &mut dyn FnMut(),
    ) -> Result<Option<Write<'_>>> {
        let tx = super::patiently(wait, cancel, waiting, |slice| {
            self.conn().busy_timeout(slice).map_err(|e| self.err(e))?;
            Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)
                .map_err(|e| self.err(e))
        })?;
        let Some(tx) = tx else {
            return Ok(None);
        };
        self.conn()
            .busy_timeout(wait.max(super::BUSY_TIMEOUT))
            .map_err(|e| self.err(e))?;
        Ok(Some(Write {
            tx,
            path: self.path(),
        }))
    }

    /// Starts a write transaction (`BEGIN IMMEDIATE`) without waiting for another writer beyond
    /// the store's busy timeout: for a database no one else writes, such as the demo being made.
    pub fn begin(&mut self) -> Result<Write<'_>> {
        let Store { conn, path, .. } = self;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite_error(path, e))?;
        Ok(Write { tx, path })
    }

    /// The batches that imported a file with this SHA-256, oldest first.
    pub fn batches_with_sha(&self, sha256: &str) -> Result<Vec<BatchInfo>> {
        let mut all = self.batches()?;
        all.retain(|b| b.sha256.as_deref() == Some(sha256));
        all.reverse();
        Ok(all)
    }
}

/// A write transaction on a store: an import, a simulated event, the demo. What is written through
/// it is kept by [`Write::commit`]; dropped without it, all of it is rolled back.
pub struct Write<'s> {
    tx: Transaction<'s>,
    /// The database, as its store names it in messages.
    path: &'s Path,
}

impl std::fmt::Debug for Write<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Write").field("path", &self.path).finish()
    }
}

impl<'s> Write<'s> {
    /// Keeps everything written.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tx.commit().map_err(|e| sqlite_error(path, e))
    }

    /// The database written.
    pub fn path(&self) -> &'s Path {
        self.path
    }

    /// The transaction itself, for the store's writers.
    pub(crate) fn transaction(&self) -> &Transaction<'s> {
        &self.tx
    }

    /// A SQLite error met in this transaction, as pantau's error.
    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        sqlite_error(self.path, e)
    }

    /// Records a batch and returns its id.
    pub fn insert_batch(&self, b: &NewBatch) -> Result<i64> {
        insert_batch(&self.tx, b).map_err(|e| self.err(e))
    }

    /// Sets a batch's counts once it is done (total, new, changed, unchanged, rejected) and drops
    /// the oldest entries of the change log.
    pub fn finish_batch(&self, id: i64, counts: [i64; 5]) -> Result<()> {
        finish_batch(&self.tx, id, counts).map_err(|e| self.err(e))
    }

    /// Inserts a new case with its status history; returns its id. See [`insert_case`].
    pub fn insert_case(
        &self,
        case: &Case,
        history: &[StatusChange],
        batch_id: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<i64> {
        insert_case(&self.tx, case, history, batch_id, now).map_err(|e| self.err(e))
    }

    /// Appends one entry to a case's status history.
    pub fn insert_history(
        &self,
        case_id: i64,
        h: &StatusChange,
        batch_id: Option<i64>,
    ) -> Result<()> {
        insert_history(&self.tx, case_id, h, batch_id).map_err(|e| self.err(e))
    }

    /// Writes the fields in which `new` differs from `old`; returns the changed columns. See
    /// [`update_case`].
    pub fn update_case(
        &self,
        id: i64,
        old: &Case,
        new: &Case,
        batch_id: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<Vec<&'static str>> {
        update_case(&self.tx, id, old, new, batch_id, now).map_err(|e| self.err(e))
    }

    /// The case with intake number `nomor` and its id, if any.
    pub fn find_case(&self, nomor: &str) -> Result<Option<(i64, Case)>> {
        find_case(&self.tx, nomor).map_err(|e| self.err(e))
    }

    /// The ids and intake numbers of the cases of `election` whose handling is still going on,
    /// by id.
    pub fn open_cases(&self, election: &str) -> Result<Vec<(i64, String)>> {
        open_cases(&self.tx, election).map_err(|e| self.err(e))
    }

    /// How many intake numbers match a `LIKE` pattern.
    pub fn count_nomor_like(&self, pattern: &str) -> Result<i64> {
        count_nomor_like(&self.tx, pattern).map_err(|e| self.err(e))
    }

    /// How many cases are stored.
    pub fn case_count(&self) -> Result<i64> {
        crate::store::read::count_cases(&self.tx).map_err(|e| self.err(e))
    }

    /// The id of every stored case by intake number.
    pub fn all_ids(&self) -> Result<std::collections::HashMap<String, i64>> {
        all_ids(&self.tx).map_err(|e| self.err(e))
    }

    /// The stored intake numbers not written in their key form, by key. See [`unusual_nomors`].
    pub fn unusual_nomors(&self) -> Result<std::collections::HashMap<String, String>> {
        unusual_nomors(&self.tx).map_err(|e| self.err(e))
    }
}

/// The case with intake number `nomor` and its id, if any.
pub fn find_case(tx: &Transaction<'_>, nomor: &str) -> rusqlite::Result<Option<(i64, Case)>> {
    tx.prepare_cached("SELECT * FROM cases WHERE nomor = ?1")?
        .query_row([nomor], |r| {
            Ok((r.get("id")?, crate::store::read::case_from_row(r)?))
        })
        .optional()
}

/// The values of a case as stored, with their columns, in the order of [`CASE_COLUMNS`]: text
/// borrowed from the case, dates as `YYYY-MM-DD`, the extension as 0 or 1. Every write of a case
/// (one insert, the bulk insert, an update) binds these, so none can store a field differently.
pub(crate) fn case_values(c: &Case) -> [(&'static str, ToSqlOutput<'_>); 27] {
    fn text(s: &str) -> ToSqlOutput<'_> {
        ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()))
    }
    fn optional(s: Option<&str>) -> ToSqlOutput<'_> {
        s.map_or(ToSqlOutput::Owned(Value::Null), text)
    }
    fn day(d: Option<NaiveDate>) -> ToSqlOutput<'static> {
        ToSqlOutput::Owned(d.map_or(Value::Null, |d| Value::Text(date_text(d))))
    }
    [
        ("nomor", text(&c.nomor)),
        ("nomor_registrasi", optional(c.nomor_registrasi.as_deref())),
        ("sumber", text(c.sumber.code())),
        ("kode_wilayah", text(&c.kode_wilayah)),
        ("kecamatan", optional(c.kecamatan.as_deref())),
        ("kode_tahapan", text(&c.kode_tahapan)),
        ("tanggal_kejadian", day(c.tanggal_kejadian)),
        ("tanggal_diketahui", day(c.tanggal_diketahui)),
        ("tanggal_diterima", day(Some(c.tanggal_diterima))),
        ("tanggal_registrasi", day(c.tanggal_registrasi)),
        ("status", text(c.status.code())),
        (
            "diperpanjang",
            ToSqlOutput::Owned(Value::Integer(i64::from(c.diperpanjang))),
        ),
        ("jenis_dugaan", optional(c.jenis_dugaan.map(|t| t.code()))),
        (
            "jenis_pelanggaran",
            optional(c.jenis_pelanggaran.map(|t| t.code())),
        ),
        ("pasal", optional(c.pasal.as_deref())),
        ("uraian", text(&c.uraian)),
        ("terlapor", optional(c.terlapor.as_deref())),
        (
            "kategori_terlapor",
            optional(c.kategori_terlapor.map(|t| t.code())),
        ),
        ("pelapor", optional(c.pelapor.as_deref())),
        ("diteruskan_ke", optional(c.diteruskan_ke.map(|t| t.code()))),
        (
            "nomor_surat_penerusan",
            optional(c.nomor_surat_penerusan.as_deref()),
        ),
        ("tanggal_penerusan", day(c.tanggal_penerusan)),
        ("election", text(&c.election)),
        ("kontestasi", optional(c.kontestasi.as_deref())),
        ("kode_kecamatan", optional(c.kode_kecamatan.as_deref())),
        ("kode_desa", optional(c.kode_desa.as_deref())),
        (
            "tps",
            c.tps.map_or(ToSqlOutput::Owned(Value::Null), |n| {
                ToSqlOutput::Owned(Value::Integer(i64::from(n)))
            }),
        ),
    ]
}

/// Writes the fields in which `new` differs from `old` (the case with this id as stored), sets
/// its `updated_at` and its batch (the last batch that wrote it). Returns the changed columns.
/// The status history is the caller's: see [`insert_history`].
pub fn update_case(
    tx: &Transaction<'_>,
    id: i64,
    old: &Case,
    new: &Case,
    batch_id: Option<i64>,
    now: NaiveDateTime,
) -> rusqlite::Result<Vec<&'static str>> {
    let changed: Vec<(&'static str, ToSqlOutput<'_>)> = case_values(old)
        .into_iter()
        .zip(case_values(new))
        .filter(|(o, n)| o.1 != n.1)
        .map(|(_, n)| n)
        .collect();
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    let sets: Vec<String> = changed
        .iter()
        .enumerate()
        .map(|(i, (col, _))| format!("{col} = ?{}", i + 1))
        .collect();
    let n = changed.len();
    let sql = format!(
        "UPDATE cases SET {}, batch_id = ?{}, updated_at = ?{} WHERE id = ?{}",
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3
    );
    let now = datetime_text(now);
    let mut values: Vec<&dyn rusqlite::ToSql> = changed
        .iter()
        .map(|(_, v)| v as &dyn rusqlite::ToSql)
        .collect();
    values.extend([&batch_id as &dyn rusqlite::ToSql, &now, &id]);
    tx.prepare_cached(&sql)?.execute(values.as_slice())?;
    Ok(changed.into_iter().map(|(c, _)| c).collect())
}

/// The ids and intake numbers of the cases whose handling is still going on, by id.
pub fn open_cases(tx: &Transaction<'_>, election: &str) -> rusqlite::Result<Vec<(i64, String)>> {
    let closed = crate::domain::Status::closed_codes();
    let marks = (2..=closed.len() + 1)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT id, nomor FROM cases WHERE election = ?1 AND status NOT IN ({marks}) ORDER BY id"
    ))?;
    let values = std::iter::once(election).chain(closed.iter().copied());
    stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// How many intake numbers match a `LIKE` pattern.
pub fn count_nomor_like(tx: &Transaction<'_>, pattern: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached("SELECT count(*) FROM cases WHERE nomor LIKE ?1")?
        .query_row([pattern], |r| r.get(0))
}

/// The stored text of a date (`YYYY-MM-DD`, as rusqlite writes a `NaiveDate`), without going
/// through a formatter: imports write several per row.
pub fn date_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return d.format("%F").to_string();
    }
    let y = y as u32;
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(m / 10),
        digit(m),
        '-',
        digit(day / 10),
        digit(day),
    ]
    .iter()
    .collect()
}

/// The stored text of a date-time, as rusqlite writes a `NaiveDateTime`.
pub fn datetime_text(t: NaiveDateTime) -> String {
    t.format("%F %T%.f").to_string()
}

/// The id of every stored case by intake number.
pub fn all_ids(tx: &Transaction<'_>) -> rusqlite::Result<std::collections::HashMap<String, i64>> {
    let mut stmt = tx.prepare("SELECT nomor, id FROM cases")?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The stored intake numbers not written in their key form (see [`crate::domain::nomor_key`]),
/// by key: those with a character other than printable ASCII without lower case. Few or none;
/// the filter runs in SQLite, so the numbers in key form are never read out.
pub fn unusual_nomors(
    tx: &Transaction<'_>,
) -> rusqlite::Result<std::collections::HashMap<String, String>> {
    let mut stmt = tx.prepare("SELECT nomor FROM cases WHERE nomor GLOB '*[^!-`{-~]*'")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = std::collections::HashMap::new();
    for nomor in rows {
        let nomor = nomor?;
        let key = crate::domain::nomor_key(&nomor).into_owned();
        if key != nomor {
            out.insert(key, nomor);
        }
    }
    Ok(out)
}
