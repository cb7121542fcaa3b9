//! The import's writer of many cases in one transaction (prepared statements, ids given by SQLite,
//! first history entries with the cases, a [`Bulk`]'s entries by range); never commits.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Case, Reference, StatusChange};
use crate::error::Result;
use crate::store::aside::{LOG_INSERTS, NewCases};
use crate::store::write::{CASE_COLUMNS, Write, case_values, date_text, datetime_text};
use crate::store::{Store, sqlite_error};

pub use crate::store::aside::Bulk;

impl Store {
    /// Readies this connection for a large write transaction; changes nothing in the file. It may
    /// keep up to `cache_mib` MiB of pages in memory, so the transaction does not write the same
    /// pages to the WAL again and again, and keeps its statement journals (the copies of pages a
    /// statement changes, to undo that statement alone) in memory rather than in temporary files.
    ///
    /// SQLite does not check foreign keys and CHECK constraints on this connection: either makes
    /// it keep a statement journal of every multi-row insert (measured: 15 % of an import). The
    /// import checks what they would: every row is validated against the regions and stages of
    /// the reference it was given, which [`reference_unchanged`] confirms inside the transaction,
    /// and the values under a CHECK are typed (source, extension) or checked by
    /// [`CaseWriter::insert`] (the intake number). `pantau check` checks both over the whole file.
    pub fn prepare_bulk_write(&self, cache_mib: i64) -> Result<()> {
        let c = self.conn();
        c.pragma_update(None, "cache_size", -cache_mib.saturating_mul(1024))
            .and_then(|()| c.pragma_update(None, "temp_store", "MEMORY"))
            .and_then(|()| c.pragma_update(None, "foreign_keys", false))
            .and_then(|()| c.pragma_update(None, "ignore_check_constraints", true))
            .map_err(|e| self.err(e))
    }
}

/// Whether the regions and stages stored are those of `reference` (the stages of Pemilu 2024, the
/// election the import writes): read inside a write transaction, nobody can change them until it
/// ends.
pub fn reference_unchanged(tx: &Transaction<'_>, reference: &Reference) -> rusqlite::Result<bool> {
    let codes = |sql: &str, args: &[&str]| -> rusqlite::Result<Vec<String>> {
        let mut codes = tx
            .prepare(sql)?
            .query_map(rusqlite::params_from_iter(args), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        codes.sort_unstable();
        Ok(codes)
    };
    let mut regions: Vec<&str> = reference
        .regions
        .iter()
        .chain(&reference.kecamatan)
        .map(|r| r.code.as_str())
        .collect();
    let mut stages: Vec<&str> = reference.stages.iter().map(|s| s.code.as_str()).collect();
    regions.sort_unstable();
    stages.sort_unstable();
    Ok(codes("SELECT code FROM regions", &[])? == regions
        && codes(
            "SELECT code FROM stages WHERE election = ?1",
            &[FIRST_ELECTION],
        )? == stages)
}

impl Write<'_> {
    /// Whether the regions and stages stored are those of `reference`: nobody can change them
    /// until this transaction ends.
    pub fn reference_unchanged(&self, reference: &Reference) -> Result<bool> {
        reference_unchanged(self.transaction(), reference).map_err(|e| self.err(e))
    }
}

/// How many new cases one INSERT writes: one statement started and stepped per 64 cases rather
/// than per case.
pub const INSERT_ROWS: usize = 64;

/// The values bound for each case of an INSERT: [`CASE_COLUMNS`], batch and timestamps.
const INSERT_VALUES: usize = 30;

/// `INSERT INTO cases …` of `rows` cases. Their ids are not given: SQLite gives each the largest
/// id plus one, which the writer counted on (and checks). Given ids, or any constraint that
/// aborts the statement, would make SQLite copy every page the statement changes to a statement
/// journal, to undo it alone (measured, with the foreign keys and CHECKs that
/// [`Store::prepare_bulk_write`] leaves to the import: 15 % of an import); `OR FAIL` stops at a failed
/// constraint without undoing the statement's earlier rows, which the import's transaction
/// then undoes as a whole.
fn insert_sql(rows: usize) -> String {
    let one = format!("({})", vec!["?"; INSERT_VALUES].join(", "));
    format!(
        "INSERT OR FAIL INTO cases ({CASE_COLUMNS}, batch_id, created_at, updated_at) VALUES {}",
        vec![one; rows].join(", ")
    )
}

/// `INSERT INTO status_history …` of the first entries (`∅ → status`) of `rows` new cases:
/// `?1` who imports, `?2` the batch, then each case's id, status and time.
fn first_history_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| {
            let at = 3 + 3 * i;
            format!("(?{at}, NULL, ?{}, ?{}, ?1, NULL, ?2)", at + 1, at + 2)
        })
        .collect();
    format!(
        "INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by, \
         note, batch_id) VALUES {}",
        values.join(", ")
    )
}

/// Looks up and writes the cases of one import batch with statements prepared once and
/// timestamps formatted once. New cases get consecutive ids after the largest stored one, are
/// inserted [`INSERT_ROWS`] at a time with their first history entries (`∅ → status` on the day
/// the row dates its status, else the day received); [`CaseWriter::finish`] writes the rest and,
/// in a `Bulk`, the full-text and change-log entries of all of them ([`Bulk::new_cases`]), each
/// in one statement. (FTS5 writes its pending terms out at the start of every statement that may
/// have to be undone alone, as most of these are; indexing the cases a range at a time would
/// leave one small segment per range.)
pub struct CaseWriter<'t> {
    conn: &'t rusqlite::Connection,
    /// The database, for messages.
    path: &'t Path,
    find: rusqlite::Statement<'t>,
    get: rusqlite::Statement<'t>,
    /// Where the fields are in the rows of `find` and `get` (the same columns).
    columns: CaseColumns,
    insert: rusqlite::Statement<'t>,
    history: rusqlite::Statement<'t>,
    /// The first history entries of [`INSERT_ROWS`] new cases.
    first_history: rusqlite::Statement<'t>,
    /// What the new cases get at the end, as the triggers a [`Bulk`] set aside would have.
    writes: NewCases,
    /// The change-log entry of one case, when a [`Bulk`] set the log's insert triggers aside.
    log_one: Option<rusqlite::Statement<'t>>,
    /// New cases not yet inserted, fewer than [`INSERT_ROWS`], each with the day its status
    /// took effect when the row gives it.
    pending: Vec<(Case, Option<NaiveDate>)>,
    /// The id of the first new case, and of the next one.
    first_id: i64,
    next_id: i64,
    batch_id: i64,
    now: String,
    by: String,
}

impl std::fmt::Debug for CaseWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseWriter")
            .field("batch_id", &self.batch_id)
            .field("first_id", &self.first_id)
            .field("next_id", &self.next_id)
            .finish()
    }
}

impl<'t> CaseWriter<'t> {
    /// A writer of cases for batch `batch_id`, imported by `by` at `now`. In a `bulk`, the writer
    /// writes what the triggers it set aside would have.
    pub fn new(
        w: &'t Write<'_>,
        batch_id: i64,
        by: &str,
        now: NaiveDateTime,
        bulk: Option<&Bulk>,
    ) -> Result<CaseWriter<'t>> {
        let path = w.path();
        CaseWriter::prepare(w.transaction(), path, batch_id, by, now, bulk)
            .map_err(|e| sqlite_error(path, e))
    }

    fn prepare(
        tx: &'t Transaction<'_>,
        path: &'t Path,
        batch_id: i64,
        by: &str,
        now: NaiveDateTime,
        bulk: Option<&Bulk>,
    ) -> rusqlite::Result<CaseWriter<'t>> {
        let conn: &'t rusqlite::Connection = tx;
        let first_id: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM cases", [], |r| {
                r.get(0)
            })?;
        let find = conn.prepare("SELECT * FROM cases WHERE nomor = ?1")?;
        let columns = CaseColumns::of(&find)?;
        let writes = bulk.map(Bulk::writes).unwrap_or_default();
        let log_one = if bulk.is_some_and(|b| b.has_set_aside(LOG_INSERTS[1])) {
            Some(conn.prepare("INSERT INTO case_changes (case_id, stamp) VALUES (?1, random())")?)
        } else {
            None
        };
        Ok(CaseWriter {
            conn,
            path,
            find,
            get: conn.prepare("SELECT * FROM cases WHERE id = ?1")?,
            columns,
            insert: conn.prepare(&insert_sql(INSERT_ROWS))?,
            history: conn.prepare(
                "INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by, note, batch_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            first_history: conn.prepare(&first_history_sql(INSERT_ROWS))?,
            writes,
            log_one,
            pending: Vec::with_capacity(INSERT_ROWS),
            first_id,
            next_id: first_id,
            batch_id,
            now: datetime_text(now),
            by: by.to_string(),
        })
    }

    /// The batch this writer records.
    pub fn batch_id(&self) -> i64 {
        self.batch_id
    }

    /// The case with intake number `nomor` and its id, if any (not one this writer inserted).
    pub fn find(&mut self, nomor: &str) -> Result<Option<(i64, Case)>> {
        let columns = &self.columns;
        self.find
            .query_row([nomor], |r| Ok((r.get(columns.id)?, columns.case(r)?)))
            .optional()
            .map_err(|e| sqlite_error(self.path, e))
    }

    /// The case with this id, if any (not one this writer inserted).
    pub fn get(&mut self, id: i64) -> Result<Option<Case>> {
        let columns = &self.columns;
        self.get
            .query_row([id], |r| columns.case(r))
            .optional()
            .map_err(|e| sqlite_error(self.path, e))
    }

    /// Inserts a new case (perhaps only with the next ones, or at [`CaseWriter::finish`]: within the
    /// same transaction either way) with its first history entry, dated `status_on` (at 00:00)
    /// when given, else on the day received; returns its id.
    pub fn insert(&mut self, case: Case, status_on: Option<NaiveDate>) -> Result<i64> {
        let path = self.path;
        self.add(case, status_on).map_err(|e| sqlite_error(path, e))
    }

    fn add(&mut self, case: Case, status_on: Option<NaiveDate>) -> rusqlite::Result<i64> {
        // The schema's CHECK on the intake number, which a bulk write's connection leaves to us.
        if case.nomor.trim_matches(' ').is_empty() {
            return Err(internal("a new case without an intake number".into()));
        }
        let id = self.next_id;
        self.next_id += 1;
        self.pending.push((case, status_on));
        if self.pending.len() == INSERT_ROWS {
            self.flush()?;
        }
        Ok(id)
    }

    /// Inserts the pending cases, with their ids in order (checked: SQLite gives them), and
    /// their first history entries.
    fn flush(&mut self) -> rusqlite::Result<()> {
        let n = self.pending.len();
        if n == 0 {
            return Ok(());
        }
        let first = self.next_id - n as i64;
        let (mut rest, mut rest_history);
        let (stmt, history) = if n == INSERT_ROWS {
            (&mut self.insert, &mut self.first_history)
        } else {
            rest = self.conn.prepare(&insert_sql(n))?;
            rest_history = self.conn.prepare(&first_history_sql(n))?;
            (&mut rest, &mut rest_history)
        };
        for (i, (c, _)) in self.pending.iter().enumerate() {
            bind_case(stmt, i * INSERT_VALUES, c, self.batch_id, &self.now)?;
        }
        stmt.raw_execute()?;
        let last = self.conn.last_insert_rowid();
        if last != self.next_id - 1 {
            return Err(internal(format!(
                "new cases were given ids {}–{last}, not {first}–{}",
                last + 1 - n as i64,
                self.next_id - 1
            )));
        }
        history.raw_bind_parameter(1, self.by.as_str())?;
        history.raw_bind_parameter(2, self.batch_id)?;
        for ((i, (c, status_on)), id) in self.pending.iter().enumerate().zip(first..) {
            let at = 3 + 3 * i;
            let day = status_on.unwrap_or(c.tanggal_diterima);
            history.raw_bind_parameter(at, id)?;
            history.raw_bind_parameter(at + 1, c.status.code())?;
            history.raw_bind_parameter(at + 2, format!("{} 00:00:00", date_text(day)))?;
        }
        history.raw_execute()?;
        self.pending.clear();
        Ok(())
    }

    /// Appends one entry to a case's status history, in this writer's batch.
    pub fn history(&mut self, case_id: i64, h: &StatusChange) -> Result<()> {
        let path = self.path;
        self.append_history(case_id, h)
            .map_err(|e| sqlite_error(path, e))
    }

    fn append_history(&mut self, case_id: i64, h: &StatusChange) -> rusqlite::Result<()> {
        self.history.execute(params![
            case_id,
            h.from.map(|s| s.code()),
            h.to.code(),
            datetime_text(h.at),
            h.by,
            h.note,
            self.batch_id
        ])?;
        if let Some(log) = self.log_one.as_mut() {
            log.execute([case_id])?;
        }
        Ok(())
    }

    /// Inserts the pending cases and writes what the new cases still lack.
    pub fn finish(mut self) -> Result<()> {
        let path = self.path;
        self.complete().map_err(|e| sqlite_error(path, e))
    }

    fn complete(&mut self) -> rusqlite::Result<()> {
        self.flush()?;
        self.writes.write(self.conn, self.first_id, self.next_id)
    }
}

/// An error of the writer's own checks, reported as SQLite reports an internal error.
fn internal(message: String) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERNAL),
        Some(message),
    )
}

/// Where the id and the fields of a case are in the rows of a `SELECT * FROM cases` statement,
/// found by column name once per statement: [`crate::store::read::case_from_row`] looks each name
/// up column by column for every row, which an import of a known file does for every line.
#[derive(Debug)]
struct CaseColumns {
    id: usize,
    /// The columns of [`CASE_COLUMNS`], in its order.
    fields: [usize; 27],
}

impl CaseColumns {
    fn of(stmt: &rusqlite::Statement<'_>) -> rusqlite::Result<CaseColumns> {
        let mut fields = [0; 27];
        for (slot, name) in fields
            .iter_mut()
            .zip(CASE_COLUMNS.split(',').map(str::trim))
        {
            *slot = stmt.column_index(name)?;
        }
        Ok(CaseColumns {
            id: stmt.column_index("id")?,
            fields,
        })
    }

    /// The case in row `r`, read as [`crate::store::read::case_from_row`] reads it.
    fn case(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<Case> {
        let f = &self.fields;
        Ok(Case {
            election: r.get(f[22])?,
            nomor: r.get(f[0])?,
            nomor_registrasi: r.get(f[1])?,
            sumber: r.get(f[2])?,
            kode_wilayah: r.get(f[3])?,
            kecamatan: r.get(f[4])?,
            kode_tahapan: r.get(f[5])?,
            tanggal_kejadian: date_at(r, f[6])?,
            tanggal_diketahui: date_at(r, f[7])?,
            tanggal_diterima: match date_at(r, f[8])? {
                Some(d) => d,
                None => r.get(f[8])?,
            },
            tanggal_registrasi: date_at(r, f[9])?,
            status: r.get(f[10])?,
            diperpanjang: r.get(f[11])?,
            jenis_dugaan: r.get(f[12])?,
            jenis_pelanggaran: r.get(f[13])?,
            pasal: r.get(f[14])?,
            uraian: r.get(f[15])?,
            terlapor: r.get(f[16])?,
            kategori_terlapor: r.get(f[17])?,
            pelapor: r.get(f[18])?,
            diteruskan_ke: r.get(f[19])?,
            nomor_surat_penerusan: r.get(f[20])?,
            tanggal_penerusan: date_at(r, f[21])?,
            kontestasi: r.get(f[23])?,
            kode_kecamatan: r.get(f[24])?,
            kode_desa: r.get(f[25])?,
            tps: r.get(f[26])?,
        })
    }
}

/// An optional date column: `YYYY-MM-DD` (as pantau stores dates) read directly, anything else
/// the way rusqlite reads a date.
fn date_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(t) => match date_from_text(t) {
            Some(d) => Ok(Some(d)),
            None => r.get(i),
        },
        _ => r.get(i),
    }
}

/// `YYYY-MM-DD`, the inverse of [`date_text`]; `None` for any other text.
fn date_from_text(t: &[u8]) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *t else {
        return None;
    };
    let num = |ds: &[u8]| {
        ds.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(num(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, num(&[m1, m2])?, num(&[d1, d2])?)
}

/// Binds case `c` to the [`INSERT_VALUES`] parameters after `offset`.
fn bind_case(
    s: &mut rusqlite::Statement<'_>,
    offset: usize,
    c: &Case,
    batch_id: i64,
    now: &str,
) -> rusqlite::Result<()> {
    let fields = case_values(c);
    for (i, (_, value)) in fields.iter().enumerate() {
        s.raw_bind_parameter(offset + 1 + i, value)?;
    }
    let next = offset + 1 + fields.len();
    s.raw_bind_parameter(next, batch_id)?;
    s.raw_bind_parameter(next + 1, now)?;
    s.raw_bind_parameter(next + 2, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::aside::{FTS_INSERT, set_hashsize};
    use crate::store::write::{NewBatch, date_text, insert_batch, insert_case};
    use rusqlite::ToSql;
    use rusqlite::types::ToSqlOutput;
    use rusqlite::types::Value;

    #[test]
    fn dates_are_written_as_rusqlite_writes_them() {
        for d in ["2024-01-05", "1999-12-31", "0001-02-03", "9999-12-31"] {
            let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            let stored = match day.to_sql().unwrap() {
                ToSqlOutput::Owned(Value::Text(t)) => t,
                other => panic!("{other:?}"),
            };
            assert_eq!(date_text(day), stored);
            assert_eq!(date_from_text(stored.as_bytes()), Some(day));
        }
        for odd in ["2024-1-05", "2024-02-30", "2024/01/05", "+2024-01-05", ""] {
            assert_eq!(date_from_text(odd.as_bytes()), None, "{odd}");
        }
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    /// Case `i` of a writer test: every field filled on odd numbers, the optional ones empty on
    /// even numbers.
    fn case(i: i64) -> Case {
        use crate::domain::{Forwarding, PartyCategory, Source, Status, ViolationType};
        let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i % 40);
        let mut c = Case::new(
            FIRST_ELECTION,
            &format!("W-{i:05}"),
            Source::Laporan,
            "64.71",
            "KAMPANYE",
            day,
        );
        c.status = Status::ALL[i as usize % Status::ALL.len()];
        c.uraian = format!("pembagian sembako nomor{i}");
        if i % 2 == 1 {
            c.nomor_registrasi = Some(format!("REG-{i}"));
            c.kecamatan = Some("Balikpapan Kota".into());
            c.tanggal_kejadian = Some(day - chrono::Duration::days(2));
            c.tanggal_diketahui = Some(day - chrono::Duration::days(1));
            c.tanggal_registrasi = Some(day + chrono::Duration::days(1));
            c.diperpanjang = true;
            c.jenis_dugaan = Some(ViolationType::Pidana);
            c.jenis_pelanggaran = Some(ViolationType::KodeEtik);
            c.pasal = Some("Pasal 523".into());
            c.terlapor = Some("Sdr. AR".into());
            c.kategori_terlapor = Some(PartyCategory::TimKampanye);
            c.pelapor = Some("Sdr. HS".into());
            c.diteruskan_ke = Some(Forwarding::Gakkumdu);
            c.nomor_surat_penerusan = Some(format!("SP-{i}"));
            c.tanggal_penerusan = Some(day + chrono::Duration::days(5));
        }
        c
    }

    /// The status date the row of case `i` gives: on every third, ten days after receipt.
    fn status_on(i: i64) -> Option<NaiveDate> {
        (i % 3 == 2).then(|| case(i).tanggal_diterima + chrono::Duration::days(10))
    }

    fn count(tx: &Transaction<'_>, sql: &str) -> i64 {
        tx.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn schema(tx: &Transaction<'_>) -> Vec<(String, Option<String>)> {
        let mut s = tx
            .prepare("SELECT name, sql FROM sqlite_schema ORDER BY name")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// A new import batch by "tester".
    fn new_batch(tx: &Transaction<'_>, now: NaiveDateTime) -> i64 {
        let batch = NewBatch {
            kind: "import",
            imported_by: "tester".into(),
            imported_at: now,
            source_name: "w.csv".into(),
            sha256: None,
        };
        insert_batch(tx, &batch).unwrap()
    }

    /// Writes `n` new cases (after `stored` ones) through a writer, in a [`Bulk`] or not, and
    /// checks what a reader of the database would see.
    fn write_cases(n: i64, bulk: bool, stored: i64) {
        let mut store = Store::memory().unwrap();
        let now = at("2024-03-01 10:00:00");
        let write = store.begin().unwrap();
        let tx = write.transaction();
        for i in 0..stored {
            insert_case(tx, &case(100_000 + i), &[], None, now).unwrap();
        }
        let before = schema(tx);
        let batch_id = new_batch(tx, now);
        let set_aside = bulk.then(|| Bulk::begin(&write, true).unwrap());
        let indexes = count(
            tx,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'cases_by_region'",
        );
        assert_eq!(
            indexes == 0,
            bulk && stored == 0,
            "a bulk builds the indexes of empty tables at the end, and only those"
        );
        let mut w = CaseWriter::new(&write, batch_id, "tester", now, set_aside.as_ref()).unwrap();
        for i in 0..n {
            assert_eq!(
                w.insert(case(i), status_on(i)).unwrap(),
                stored + 1 + i,
                "ids follow the stored ones"
            );
        }
        w.finish().unwrap();
        if let Some(b) = set_aside {
            b.finish(&write).unwrap();
        }
        assert_eq!(
            schema(tx),
            before,
            "the triggers and indexes are back exactly as they were"
        );
        let check: String = tx
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "every index holds every row");
        assert_eq!(
            count(
                tx,
                "SELECT count(*) FROM cases_fts_config WHERE k = 'hashsize'"
            ),
            0,
            "the FTS5 setting is back to its default"
        );
        assert_eq!(count(tx, "SELECT count(*) FROM cases"), n + stored);
        let mut read = tx.prepare("SELECT * FROM cases WHERE id = ?1").unwrap();
        for i in [0, 1, n / 2, n - 1].into_iter().filter(|&i| i < n) {
            let found = read
                .query_row([stored + 1 + i], crate::store::read::case_from_row)
                .unwrap();
            assert_eq!(found, case(i), "case {i}");
        }
        assert_eq!(
            count(
                tx,
                "SELECT count(*) FROM status_history WHERE batch_id IS NOT NULL"
            ),
            n,
            "one first history entry per new case"
        );
        let first: (Option<String>, String, String, String) = tx
            .query_row(
                "SELECT from_status, to_status, changed_at, changed_by FROM status_history \
                 WHERE case_id = ?1",
                [stored + n],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        let last = case(n - 1);
        assert_eq!(
            first,
            (
                None,
                last.status.code().to_string(),
                format!(
                    "{} 00:00:00",
                    status_on(n - 1).unwrap_or(last.tanggal_diterima)
                ),
                "tester".to_string()
            )
        );
        // A row's status date dates the first entry instead of the day received.
        let mut firsts = tx
            .prepare("SELECT case_id, changed_at FROM status_history WHERE batch_id IS NOT NULL")
            .unwrap();
        let firsts: Vec<(i64, String)> = firsts
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (id, at) in firsts {
            let i = id - stored - 1;
            let day = status_on(i).unwrap_or(case(i).tanggal_diterima);
            assert_eq!(at, format!("{day} 00:00:00"), "case {i}");
        }
        tx.execute(
            "INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
        let found = count(
            tx,
            &format!(
                "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'nomor{}'",
                n - 1
            ),
        );
        assert_eq!(found, 1, "the last new case is found by full-text search");
        let mut named = tx
            .prepare(&format!(
                "SELECT DISTINCT case_id FROM case_changes WHERE case_id > {stored} ORDER BY case_id"
            ))
            .unwrap();
        let named: Vec<i64> = named
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let new: Vec<i64> = (stored + 1..=stored + n).collect();
        assert_eq!(named, new, "the change log names every new case");
    }

    #[test]
    fn a_bulk_writer_inserts_indexes_and_logs_many_cases() {
        write_cases(3 * INSERT_ROWS as i64 + 5, true, 2);
    }

    #[test]
    fn a_bulk_writer_into_empty_tables_builds_their_indexes_at_the_end() {
        write_cases(2 * INSERT_ROWS as i64 + 7, true, 0);
    }

    #[test]
    fn a_writer_outside_a_bulk_leaves_the_indexing_to_the_trigger() {
        write_cases(INSERT_ROWS as i64 * 3 + 1, false, 2);
        write_cases(1, false, 0);
    }

    /// The triggers a bulk sets aside and puts back, by name.
    fn set_aside(w: &Write<'_>) -> Vec<&'static str> {
        let b = Bulk::begin(w, false).unwrap();
        let names = [FTS_INSERT, LOG_INSERTS[0], LOG_INSERTS[1]]
            .into_iter()
            .filter(|name| b.has_set_aside(name))
            .collect();
        b.finish(w).unwrap();
        names
    }

    #[test]
    fn a_bulk_sets_aside_only_the_triggers_it_knows_and_logs_status_changes_itself() {
        let mut store = Store::memory().unwrap();
        let now = at("2024-03-01 10:00:00");
        let write = store.begin().unwrap();
        let tx = write.transaction();
        set_hashsize(tx, 2 << 20).unwrap();
        assert_eq!(
            set_aside(&write),
            [FTS_INSERT, LOG_INSERTS[0], LOG_INSERTS[1]]
        );
        assert_eq!(
            count(tx, "SELECT v FROM cases_fts_config WHERE k = 'hashsize'"),
            2 << 20,
            "a setting stored before is stored again"
        );
        let id = insert_case(tx, &case(1), &[], None, now).unwrap();
        let batch_id = new_batch(tx, now);
        let bulk = Bulk::begin(&write, false).unwrap();
        let mut w = CaseWriter::new(&write, batch_id, "tester", now, Some(&bulk)).unwrap();
        let change = StatusChange {
            from: Some(case(1).status),
            to: crate::domain::Status::Dihentikan,
            at: now,
            by: "tester".into(),
            note: None,
        };
        tx.execute("DELETE FROM case_changes", []).unwrap();
        w.history(id, &change).unwrap();
        drop(w);
        bulk.finish(&write).unwrap();
        assert_eq!(
            count(tx, "SELECT count(*) FROM case_changes"),
            1,
            "a new history entry of a known case is logged"
        );

        // A trigger changed since (here: the log's, rewritten) stays and fires row by row.
        tx.execute_batch(
            "DROP TRIGGER history_log_insert; \
             CREATE TRIGGER history_log_insert AFTER INSERT ON status_history BEGIN \
             INSERT INTO case_changes (case_id) VALUES (new.case_id); END;",
        )
        .unwrap();
        assert_eq!(set_aside(&write), [FTS_INSERT]);
        tx.execute_batch("DROP TRIGGER cases_fts_insert").unwrap();
        assert_eq!(set_aside(&write), Vec::<&str>::new());
    }

    #[test]
    fn the_writer_reads_a_case_as_the_store_reads_it() {
        let mut store = Store::memory().unwrap();
        let now = at("2024-03-01 10:00:00");
        let write = store.begin().unwrap();
        let tx = write.transaction();
        let ids: Vec<i64> = (0..2)
            .map(|i| insert_case(tx, &case(i), &[], None, now).unwrap())
            .collect();
        let mut w = CaseWriter::new(&write, 1, "tester", now, None).unwrap();
        for (i, id) in ids.iter().enumerate() {
            let expected = case(i as i64);
            assert_eq!(w.get(*id).unwrap(), Some(expected.clone()));
            assert_eq!(w.find(&expected.nomor).unwrap(), Some((*id, expected)));
        }
        assert_eq!(w.get(99).unwrap(), None);
        assert_eq!(w.find("W-99999").unwrap(), None);
    }
}
