//! Writes: reference data, import batches, cases with their status history, campaign activity.
//! Every value is a bound parameter; callers group writes in one transaction.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{ErrorCode, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::domain::{Case, Holiday, Reference, Region, Stage, StatusChange};
use crate::error::{Error, Result};
use crate::store::Store;

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
}

/// The column list of `cases` that a [`Case`] fills, in the order of [`case_params`].
pub const CASE_COLUMNS: &str = "nomor, nomor_registrasi, sumber, kode_wilayah, kecamatan, kode_tahapan, \
    tanggal_kejadian, tanggal_diketahui, tanggal_diterima, tanggal_registrasi, status, diperpanjang, \
    jenis_dugaan, jenis_pelanggaran, pasal, uraian, terlapor, kategori_terlapor, pelapor, diteruskan_ke, \
    nomor_surat_penerusan, tanggal_penerusan";

/// The values of a case, in the order of [`CASE_COLUMNS`].
fn case_params(c: &Case) -> [Box<dyn rusqlite::ToSql + '_>; 22] {
    [
        Box::new(&c.nomor),
        Box::new(&c.nomor_registrasi),
        Box::new(c.sumber.code()),
        Box::new(&c.kode_wilayah),
        Box::new(&c.kecamatan),
        Box::new(&c.kode_tahapan),
        Box::new(c.tanggal_kejadian),
        Box::new(c.tanggal_diketahui),
        Box::new(c.tanggal_diterima),
        Box::new(c.tanggal_registrasi),
        Box::new(c.status.code()),
        Box::new(c.diperpanjang),
        Box::new(c.jenis_dugaan.map(|t| t.code())),
        Box::new(c.jenis_pelanggaran.map(|t| t.code())),
        Box::new(&c.pasal),
        Box::new(&c.uraian),
        Box::new(&c.terlapor),
        Box::new(c.kategori_terlapor.map(|t| t.code())),
        Box::new(&c.pelapor),
        Box::new(c.diteruskan_ke.map(|t| t.code())),
        Box::new(&c.nomor_surat_penerusan),
        Box::new(c.tanggal_penerusan),
    ]
}

impl Store {
    /// Reads the reference data stored in the database.
    pub fn reference(&self) -> Result<Reference> {
        let c = self.conn();
        let regions = c
            .prepare("SELECT code, name, short_name, kind, parent_code, kecamatan_count, position FROM regions ORDER BY position")
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(Region {
                        code: r.get("code")?,
                        name: r.get("name")?,
                        short_name: r.get("short_name")?,
                        kind: r.get("kind")?,
                        parent_code: r.get("parent_code")?,
                        kecamatan_count: r.get("kecamatan_count")?,
                        position: r.get("position")?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.err(e))?;
        let stages = c
            .prepare("SELECT code, name_id, name_en, starts_on, ends_on, position FROM stages ORDER BY position")
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(Stage {
                        code: r.get("code")?,
                        name_id: r.get("name_id")?,
                        name_en: r.get("name_en")?,
                        starts_on: r.get("starts_on")?,
                        ends_on: r.get("ends_on")?,
                        position: r.get("position")?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.err(e))?;
        let holidays = c
            .prepare("SELECT day, name, kind FROM holidays ORDER BY day")
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(Holiday {
                        date: r.get("day")?,
                        name: r.get("name")?,
                        kind: r.get("kind")?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.err(e))?;
        Ok(Reference {
            regions,
            stages,
            holidays,
        })
    }

    /// Writes the reference data; returns whether anything changed (running it twice changes nothing).
    pub fn load_reference(&mut self, reference: &Reference) -> Result<bool> {
        if self.reference()? == *reference {
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
                 rows_changed, rows_unchanged, rows_rejected FROM import_batches ORDER BY id DESC",
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
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }
}

fn write_reference(tx: &Transaction<'_>, r: &Reference) -> rusqlite::Result<()> {
    // Parents first: the provincial office before the kabupaten/kota that point at it.
    let mut regions: Vec<&Region> = r.regions.iter().collect();
    regions.sort_by_key(|x| x.parent_code.is_some());
    for x in regions {
        tx.execute(
            "INSERT INTO regions (code, name, short_name, kind, parent_code, kecamatan_count, position) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(code) DO UPDATE SET name = excluded.name, \
             short_name = excluded.short_name, kind = excluded.kind, parent_code = excluded.parent_code, \
             kecamatan_count = excluded.kecamatan_count, position = excluded.position",
            params![x.code, x.name, x.short_name, x.kind, x.parent_code, x.kecamatan_count, x.position],
        )?;
    }
    for s in &r.stages {
        tx.execute(
            "INSERT INTO stages (code, name_id, name_en, starts_on, ends_on, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT(code) DO UPDATE SET name_id = excluded.name_id, name_en = excluded.name_en, \
             starts_on = excluded.starts_on, ends_on = excluded.ends_on, position = excluded.position",
            params![s.code, s.name_id, s.name_en, s.starts_on, s.ends_on, s.position],
        )?;
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
pub fn prune_changes(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM case_changes WHERE rev <= (SELECT max(rev) FROM case_changes) - ?1",
        [CHANGES_KEPT],
    )?;
    Ok(())
}

/// Inserts a new case with its status history; the case's `updated_at` is its last history entry.
/// Returns the case id.
pub fn insert_case(
    tx: &Transaction<'_>,
    case: &Case,
    history: &[StatusChange],
    batch_id: Option<i64>,
    now: NaiveDateTime,
) -> rusqlite::Result<i64> {
    let mut values = case_params(case).into_iter().collect::<Vec<_>>();
    values.push(Box::new(batch_id));
    values.push(Box::new(now));
    values.push(Box::new(now));
    let sql = format!(
        "INSERT INTO cases ({CASE_COLUMNS}, batch_id, created_at, updated_at) VALUES ({})",
        (1..=values.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(
            values.iter().map(|b| b.as_ref()),
        ))?;
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

/// Records the campaign activities supervised in one region in the week starting `week_start`.
pub fn upsert_activity(
    tx: &Transaction<'_>,
    region: &str,
    week_start: NaiveDate,
    counts: [i64; 4],
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO campaign_activity (kode_wilayah, week_start, pertemuan_terbatas, tatap_muka, rapat_umum, lainnya) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(kode_wilayah, week_start) DO UPDATE SET \
         pertemuan_terbatas = excluded.pertemuan_terbatas, tatap_muka = excluded.tatap_muka, \
         rapat_umum = excluded.rapat_umum, lainnya = excluded.lainnya",
    )?
    .execute(params![region, week_start, counts[0], counts[1], counts[2], counts[3]])?;
    Ok(())
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
    ) -> Result<Option<Transaction<'_>>> {
        let started = Instant::now();
        let mut told = false;
        loop {
            let left = wait.saturating_sub(started.elapsed());
            self.conn()
                .busy_timeout(left.min(Duration::from_millis(200)))
                .map_err(|e| self.err(e))?;
            match Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate) {
                Ok(tx) => {
                    self.conn()
                        .busy_timeout(wait.max(super::BUSY_TIMEOUT))
                        .map_err(|e| self.err(e))?;
                    return Ok(Some(tx));
                }
                Err(e)
                    if matches!(
                        e.sqlite_error_code(),
                        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                    ) =>
                {
                    if cancel.load(Ordering::SeqCst) {
                        return Ok(None);
                    }
                    if started.elapsed() >= wait {
                        return Err(Error::Locked {
                            path: self.path().to_path_buf(),
                            seconds: wait.as_secs(),
                        });
                    }
                    if !told && started.elapsed() >= Duration::from_secs(1) {
                        told = true;
                        waiting();
                    }
                }
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    /// The batches that imported a file with this SHA-256, oldest first.
    pub fn batches_with_sha(&self, sha256: &str) -> Result<Vec<BatchInfo>> {
        let mut all = self.batches()?;
        all.retain(|b| b.sha256.as_deref() == Some(sha256));
        all.reverse();
        Ok(all)
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

/// The values of a case as stored, in the order of [`CASE_COLUMNS`].
fn case_values(c: &Case) -> [(&'static str, Value); 22] {
    let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Text);
    let date = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::Text(d.to_string()));
    let code = |s: Option<&'static str>| s.map_or(Value::Null, |s| Value::Text(s.to_string()));
    [
        ("nomor", Value::Text(c.nomor.clone())),
        ("nomor_registrasi", text(&c.nomor_registrasi)),
        ("sumber", Value::Text(c.sumber.code().to_string())),
        ("kode_wilayah", Value::Text(c.kode_wilayah.clone())),
        ("kecamatan", text(&c.kecamatan)),
        ("kode_tahapan", Value::Text(c.kode_tahapan.clone())),
        ("tanggal_kejadian", date(c.tanggal_kejadian)),
        ("tanggal_diketahui", date(c.tanggal_diketahui)),
        ("tanggal_diterima", date(Some(c.tanggal_diterima))),
        ("tanggal_registrasi", date(c.tanggal_registrasi)),
        ("status", Value::Text(c.status.code().to_string())),
        ("diperpanjang", Value::Integer(i64::from(c.diperpanjang))),
        ("jenis_dugaan", code(c.jenis_dugaan.map(|t| t.code()))),
        (
            "jenis_pelanggaran",
            code(c.jenis_pelanggaran.map(|t| t.code())),
        ),
        ("pasal", text(&c.pasal)),
        ("uraian", Value::Text(c.uraian.clone())),
        ("terlapor", text(&c.terlapor)),
        (
            "kategori_terlapor",
            code(c.kategori_terlapor.map(|t| t.code())),
        ),
        ("pelapor", text(&c.pelapor)),
        ("diteruskan_ke", code(c.diteruskan_ke.map(|t| t.code()))),
        ("nomor_surat_penerusan", text(&c.nomor_surat_penerusan)),
        ("tanggal_penerusan", date(c.tanggal_penerusan)),
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
    let changed: Vec<(&'static str, Value)> = case_values(old)
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
    let mut values: Vec<Value> = changed.iter().map(|(_, v)| v.clone()).collect();
    values.push(batch_id.map_or(Value::Null, Value::Integer));
    values.push(Value::Text(now.format("%Y-%m-%d %H:%M:%S%.f").to_string()));
    values.push(Value::Integer(id));
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(changed.into_iter().map(|(c, _)| c).collect())
}

/// The ids and intake numbers of the cases whose handling is still going on, by id.
pub fn open_cases(tx: &Transaction<'_>) -> rusqlite::Result<Vec<(i64, String)>> {
    let closed = crate::domain::Status::closed_codes();
    let marks = (1..=closed.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT id, nomor FROM cases WHERE status NOT IN ({marks}) ORDER BY id"
    ))?;
    stmt.query_map(rusqlite::params_from_iter(closed), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// How many intake numbers match a `LIKE` pattern.
pub fn count_nomor_like(tx: &Transaction<'_>, pattern: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached("SELECT count(*) FROM cases WHERE nomor LIKE ?1")?
        .query_row([pattern], |r| r.get(0))
}

impl Store {
    /// Lets this connection keep up to `mib` MiB of pages in memory, so a large write transaction
    /// does not write the same pages to the WAL again and again. Changes nothing in the file.
    pub fn set_cache_mib(&self, mib: i64) -> Result<()> {
        self.conn()
            .pragma_update(None, "cache_size", -mib.saturating_mul(1024))
            .map_err(|e| self.err(e))
    }
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

/// Looks up and inserts many cases with statements prepared once, timestamps formatted once and
/// values bound in place: the write path of large imports.
pub struct CaseWriter<'t> {
    find: rusqlite::Statement<'t>,
    insert: rusqlite::Statement<'t>,
    history: rusqlite::Statement<'t>,
    conn: &'t rusqlite::Connection,
    batch_id: i64,
    now: String,
}

impl std::fmt::Debug for CaseWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseWriter")
            .field("batch_id", &self.batch_id)
            .finish()
    }
}

impl<'t> CaseWriter<'t> {
    /// A writer of cases for batch `batch_id` at `now`.
    pub fn new(
        tx: &'t Transaction<'_>,
        batch_id: i64,
        now: NaiveDateTime,
    ) -> rusqlite::Result<CaseWriter<'t>> {
        let conn: &'t rusqlite::Connection = tx;
        let marks = (1..=25)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(CaseWriter {
            find: conn.prepare("SELECT * FROM cases WHERE nomor = ?1")?,
            insert: conn.prepare(&format!("INSERT INTO cases ({CASE_COLUMNS}, batch_id, created_at, updated_at) VALUES ({marks})"))?,
            history: conn.prepare(
                "INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by, note, batch_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            conn,
            batch_id,
            now: datetime_text(now),
        })
    }

    /// The batch this writer records.
    pub fn batch_id(&self) -> i64 {
        self.batch_id
    }

    /// The case with intake number `nomor` and its id, if any.
    pub fn find(&mut self, nomor: &str) -> rusqlite::Result<Option<(i64, Case)>> {
        self.find
            .query_row([nomor], |r| {
                Ok((r.get("id")?, crate::store::read::case_from_row(r)?))
            })
            .optional()
    }

    /// Inserts a new case whose history starts with `first` (none during a [`Bulk`], which
    /// writes it at its end); returns its id.
    pub fn insert(&mut self, c: &Case, first: Option<&StatusChange>) -> rusqlite::Result<i64> {
        let s = &mut self.insert;
        let date = |d: Option<NaiveDate>| d.map(date_text);
        s.raw_bind_parameter(1, &c.nomor)?;
        s.raw_bind_parameter(2, &c.nomor_registrasi)?;
        s.raw_bind_parameter(3, c.sumber.code())?;
        s.raw_bind_parameter(4, &c.kode_wilayah)?;
        s.raw_bind_parameter(5, &c.kecamatan)?;
        s.raw_bind_parameter(6, &c.kode_tahapan)?;
        s.raw_bind_parameter(7, date(c.tanggal_kejadian))?;
        s.raw_bind_parameter(8, date(c.tanggal_diketahui))?;
        s.raw_bind_parameter(9, date_text(c.tanggal_diterima))?;
        s.raw_bind_parameter(10, date(c.tanggal_registrasi))?;
        s.raw_bind_parameter(11, c.status.code())?;
        s.raw_bind_parameter(12, c.diperpanjang)?;
        s.raw_bind_parameter(13, c.jenis_dugaan.map(|t| t.code()))?;
        s.raw_bind_parameter(14, c.jenis_pelanggaran.map(|t| t.code()))?;
        s.raw_bind_parameter(15, &c.pasal)?;
        s.raw_bind_parameter(16, &c.uraian)?;
        s.raw_bind_parameter(17, &c.terlapor)?;
        s.raw_bind_parameter(18, c.kategori_terlapor.map(|t| t.code()))?;
        s.raw_bind_parameter(19, &c.pelapor)?;
        s.raw_bind_parameter(20, c.diteruskan_ke.map(|t| t.code()))?;
        s.raw_bind_parameter(21, &c.nomor_surat_penerusan)?;
        s.raw_bind_parameter(22, date(c.tanggal_penerusan))?;
        s.raw_bind_parameter(23, self.batch_id)?;
        s.raw_bind_parameter(24, &self.now)?;
        s.raw_bind_parameter(25, &self.now)?;
        s.raw_execute()?;
        let id = self.conn.last_insert_rowid();
        if let Some(first) = first {
            self.history(id, first)?;
        }
        Ok(id)
    }

    /// Appends one entry to a case's status history, in this writer's batch.
    pub fn history(&mut self, case_id: i64, h: &StatusChange) -> rusqlite::Result<()> {
        let at = if h.at.time() == chrono::NaiveTime::MIN {
            format!("{} 00:00:00", h.at.date())
        } else {
            datetime_text(h.at)
        };
        self.history.execute(params![
            case_id,
            h.from.map(|s| s.code()),
            h.to.code(),
            at,
            h.by,
            h.note,
            self.batch_id
        ])?;
        Ok(())
    }
}

/// The memory FTS5 may hold pending terms in during [`Bulk::finish`] (bytes).
const BULK_FTS_HASH: i64 = 64 << 20;

/// One file's new cases written in bulk, inside the import's transaction: while it lasts, the
/// full-text insert trigger is set aside and new cases get no history row one by one. At
/// [`Bulk::finish`] the new cases get their first history entry and their full-text entries,
/// each in one statement, and the trigger is put back. A kill before commit leaves all of it as
/// it was. Only for inserts not updated again before `finish` (one file of an import, which
/// never holds an intake number twice).
#[derive(Debug)]
pub struct Bulk {
    first_new_id: i64,
    trigger_sql: String,
}

impl Bulk {
    /// Sets the full-text insert trigger aside.
    pub fn begin(tx: &Transaction<'_>) -> rusqlite::Result<Bulk> {
        let trigger_sql: String = tx.query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'cases_fts_insert'",
            [],
            |r| r.get(0),
        )?;
        let first_new_id: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM cases", [], |r| {
                r.get(0)
            })?;
        tx.execute_batch("DROP TRIGGER cases_fts_insert")?;
        Ok(Bulk {
            first_new_id,
            trigger_sql,
        })
    }

    /// Gives the cases inserted since `begin` their first history entry (`None → status` on the
    /// day received, by `by`, in batch `batch_id`) and their full-text entries, and puts the
    /// trigger back.
    pub fn finish(self, tx: &Transaction<'_>, by: &str, batch_id: i64) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by, note, batch_id) \
             SELECT id, NULL, status, tanggal_diterima || ' 00:00:00', ?1, NULL, ?2 FROM cases WHERE id >= ?3 ORDER BY id",
            params![by, batch_id, self.first_new_id],
        )?;
        // FTS5 writes its pending terms out every `hashsize` bytes (1 MB) and merges the pieces;
        // with room for all of them it writes one segment at commit (measured 15% faster). The
        // setting is put back as it was before the transaction ends.
        let hashsize: Option<String> = tx
            .query_row(
                "SELECT v FROM cases_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get::<_, rusqlite::types::Value>(0),
            )
            .optional()?
            .map(|v| match v {
                Value::Integer(i) => i.to_string(),
                Value::Text(t) => t,
                other => format!("{other:?}"),
            });
        if std::env::var("NOHASH").is_err() {
            tx.execute(
                "INSERT INTO cases_fts(cases_fts, rank) VALUES ('hashsize', ?1)",
                [BULK_FTS_HASH],
            )?;
        }
        tx.execute(
            "INSERT INTO cases_fts(rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal) \
             SELECT id, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal FROM cases WHERE id >= ?1",
            [self.first_new_id],
        )?;
        match hashsize {
            Some(v) => tx.execute(
                "INSERT INTO cases_fts(cases_fts, rank) VALUES ('hashsize', ?1)",
                [v],
            )?,
            None => tx.execute("DELETE FROM cases_fts_config WHERE k = 'hashsize'", [])?,
        };
        tx.execute_batch(&self.trigger_sql)
    }
}

/// Every intake number stored.
pub fn all_nomor(tx: &Transaction<'_>) -> rusqlite::Result<std::collections::HashSet<String>> {
    let mut stmt = tx.prepare("SELECT nomor FROM cases")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ToSql;
    use rusqlite::types::ToSqlOutput;

    #[test]
    fn dates_are_written_as_rusqlite_writes_them() {
        for d in ["2024-01-05", "1999-12-31", "0001-02-03", "9999-12-31"] {
            let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            let stored = match day.to_sql().unwrap() {
                ToSqlOutput::Owned(Value::Text(t)) => t,
                other => panic!("{other:?}"),
            };
            assert_eq!(date_text(day), stored);
        }
    }
}
