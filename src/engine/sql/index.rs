//! What the column index reads: every case with its status history in one read transaction, the
//! cases the change log names since a revision, the log's revisions and stamps, and the cases a
//! full-text term finds.

use std::ops::ControlFlow;

use rusqlite::{OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::store::Store;

/// One case's codes and dates as stored (text borrowed from the row being read).
pub(crate) struct CaseFields<'r> {
    pub id: i64,
    pub region: Option<&'r str>,
    pub stage: Option<&'r str>,
    pub source: Option<&'r str>,
    pub status: Option<&'r str>,
    pub extended: bool,
    pub suspected: Option<&'r str>,
    pub proven: Option<&'r str>,
    pub received: Option<&'r str>,
    pub known: Option<&'r str>,
    pub registered: Option<&'r str>,
    pub election: Option<&'r str>,
    pub contest: Option<&'r str>,
    pub kecamatan: Option<&'r str>,
    pub desa: Option<&'r str>,
    pub tps: Option<i64>,
}

/// What reading cases for the index meets, in order: each case's history entries (oldest first)
/// and then the case itself; a case asked for that is no longer stored is `Gone`.
pub(crate) enum Read<'r> {
    History { case: i64, at: &'r str, to: &'r str },
    Case(CaseFields<'r>),
    Gone(i64),
}

const CASE_COLUMNS: &str = "id, kode_wilayah, kode_tahapan, sumber, status, diperpanjang, jenis_dugaan, \
     jenis_pelanggaran, tanggal_diterima, tanggal_diketahui, tanggal_registrasi, election, kontestasi, \
     kode_kecamatan, kode_desa, tps";

/// The text (or NULL) of column `i`.
fn text_at<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    let v = r.get_ref(i)?;
    v.as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)))
}

/// The text of column `i`, which may not be NULL.
fn text_of<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    let v = r.get_ref(i)?;
    v.as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)))
}

/// A row of `SELECT {CASE_COLUMNS}`.
fn case_fields<'r>(r: &'r Row<'_>) -> rusqlite::Result<CaseFields<'r>> {
    Ok(CaseFields {
        id: r.get(0)?,
        region: text_at(r, 1)?,
        stage: text_at(r, 2)?,
        source: text_at(r, 3)?,
        status: text_at(r, 4)?,
        extended: r.get::<_, i64>(5)? != 0,
        suspected: text_at(r, 6)?,
        proven: text_at(r, 7)?,
        received: text_at(r, 8)?,
        known: text_at(r, 9)?,
        registered: text_at(r, 10)?,
        election: text_at(r, 11)?,
        contest: text_at(r, 12)?,
        kecamatan: text_at(r, 13)?,
        desa: text_at(r, 14)?,
        tps: r.get(15)?,
    })
}

/// Runs `read` in one read transaction, so that all it reads is one state of the database.
pub(crate) fn in_one_read<T, E: From<Error>>(
    store: &Store,
    read: impl FnOnce() -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let tx = store
        .conn()
        .unchecked_transaction()
        .map_err(|e| store.err(e))?;
    let out = read()?;
    tx.finish().map_err(|e| store.err(e))?;
    Ok(out)
}

/// The database's identity (`meta.database_id`, empty if none) and the newest and oldest
/// revision of its change log (0 for an empty log).
pub(crate) fn database_state(store: &Store) -> Result<(String, i64, i64)> {
    let conn = store.conn();
    let err = |e| store.err(e);
    let id: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'database_id'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(err)?
        .unwrap_or_default();
    // Two statements: SQLite answers a lone min() or max() from the end of the b-tree, but
    // scans the whole log for both in one.
    let max: i64 = conn
        .query_row("SELECT COALESCE(max(rev), 0) FROM case_changes", [], |r| {
            r.get(0)
        })
        .map_err(err)?;
    let min: i64 = conn
        .query_row("SELECT COALESCE(min(rev), 0) FROM case_changes", [], |r| {
            r.get(0)
        })
        .map_err(err)?;
    Ok((id, max, min))
}

/// The stamp of the change log's entry `rev` (random, set when the entry was written), if the
/// entry exists: two histories of one database (a file restored from a copy, then written again)
/// can reach the same revision, never with the same stamp.
pub(crate) fn stamp_at(store: &Store, rev: i64) -> Result<Option<i64>> {
    store
        .conn()
        .query_row(
            "SELECT stamp FROM case_changes WHERE rev = ?1",
            [rev],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| store.err(e))
}

/// The cases the change log names after revision `rev`, each once.
pub(crate) fn changed_since(store: &Store, rev: i64) -> Result<Vec<i64>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT DISTINCT case_id FROM case_changes WHERE rev > ?1")
        .map_err(|e| store.err(e))?;
    stmt.query_map([rev], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))
}

/// Calls `each` with every case whose id is in `ids` (from, up to but not including), in id
/// order, each after its history entries in (changed_at, id) order (see [`Read`]). Stops at
/// the first error `each` returns.
pub(crate) fn each_case<E: From<Error>>(
    store: &Store,
    ids: (i64, i64),
    mut each: impl FnMut(Read<'_>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let conn = store.conn();
    let err = |e| E::from(store.err(e));
    let mut cases = conn
        .prepare(&format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE id >= ?1 AND id < ?2 ORDER BY id"
        ))
        .map_err(err)?;
    let mut hist = conn
        .prepare(
            "SELECT case_id, changed_at, to_status FROM status_history \
             WHERE case_id >= ?1 AND case_id < ?2 ORDER BY case_id, changed_at, id",
        )
        .map_err(err)?;
    let mut hrows = hist.query([ids.0, ids.1]).map_err(err)?;
    // The next history entry, read but not yet given: its case, with its date and status copied
    // out of the row (the row goes when the next one is read).
    let (mut at, mut to) = (String::new(), String::new());
    let mut next_history = |at: &mut String, to: &mut String| -> rusqlite::Result<Option<i64>> {
        let Some(h) = hrows.next()? else {
            return Ok(None);
        };
        at.clear();
        at.push_str(text_of(h, 1)?);
        to.clear();
        to.push_str(text_of(h, 2)?);
        Ok(Some(h.get(0)?))
    };
    let mut pending = next_history(&mut at, &mut to).map_err(err)?;
    let mut rows = cases.query([ids.0, ids.1]).map_err(err)?;
    while let Some(r) = rows.next().map_err(err)? {
        let fields = case_fields(r).map_err(err)?;
        while let Some(case) = pending.filter(|case| *case <= fields.id) {
            // History of a case before this one cannot be (foreign keys); it is skipped.
            if case == fields.id {
                each(Read::History {
                    case,
                    at: &at,
                    to: &to,
                })?;
            }
            pending = next_history(&mut at, &mut to).map_err(err)?;
        }
        each(Read::Case(fields))?;
    }
    Ok(())
}

/// Calls `each` with each of the cases `ids` (see [`Read`]): after its history entries when
/// `history`, or `Gone` when it is no longer stored; until `each` says to stop.
pub(crate) fn each_of_cases<E: From<Error>>(
    store: &Store,
    ids: &[i64],
    history: bool,
    mut each: impl FnMut(Read<'_>) -> std::result::Result<ControlFlow<()>, E>,
) -> std::result::Result<(), E> {
    let conn = store.conn();
    let err = |e| E::from(store.err(e));
    let mut case_stmt = conn
        .prepare(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"))
        .map_err(err)?;
    let mut hist_stmt = conn
        .prepare(
            "SELECT changed_at, to_status FROM status_history WHERE case_id = ?1 ORDER BY changed_at, id",
        )
        .map_err(err)?;
    for id in ids {
        let mut found = case_stmt.query([id]).map_err(err)?;
        let Some(r) = found.next().map_err(err)? else {
            if each(Read::Gone(*id))?.is_break() {
                break;
            }
            continue;
        };
        let fields = case_fields(r).map_err(err)?;
        if history {
            let mut h = hist_stmt.query([id]).map_err(err)?;
            while let Some(e) = h.next().map_err(err)? {
                let at = text_of(e, 0).map_err(err)?;
                let to = text_of(e, 1).map_err(err)?;
                if each(Read::History { case: *id, at, to })?.is_break() {
                    return Ok(());
                }
            }
        }
        if each(Read::Case(fields))?.is_break() {
            break;
        }
    }
    Ok(())
}

/// Calls `each` with the id of every case a `lanjut:` term with `values` holds at `dates`: it
/// reached one of the steps after forwarding by the as-of date, or (`NoStep`) was forwarded and
/// reached none by then (the same SQL as the relation's, `sql::follow_up_sql`).
pub(crate) fn follow_up_matches(
    store: &Store,
    values: &[crate::view::FollowUpValue],
    dates: crate::engine::sql::Dates,
    mut each: impl FnMut(i64),
) -> Result<()> {
    let mut p = crate::engine::sql::Params::default();
    let sql = crate::engine::sql::follow_up_ids(values, dates, &mut p);
    let mut stmt = store
        .conn()
        .prepare_cached(&sql)
        .map_err(|e| store.err(e))?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(p.values.iter()))
        .map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        each(r.get(0).map_err(|e| store.err(e))?);
    }
    Ok(())
}

/// Calls `each` with the id of every case the full-text query `q` finds.
pub(crate) fn fts_matches(store: &Store, q: &str, mut each: impl FnMut(i64)) -> Result<()> {
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?1")
        .map_err(|e| store.err(e))?;
    let mut rows = stmt.query([q]).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        each(r.get(0).map_err(|e| store.err(e))?);
    }
    Ok(())
}

/// One transfer or take-over of a case, as stored: the day it took effect, from and to which
/// office.
pub(crate) struct Transfer {
    pub on: String,
    pub from: String,
    pub to: String,
}

/// The transfers of every case (or of the cases `ids`), each case's in (on_date, id) order.
pub(crate) fn transfers(
    store: &Store,
    ids: Option<&[i64]>,
) -> Result<std::collections::HashMap<i64, Vec<Transfer>>> {
    let mut out: std::collections::HashMap<i64, Vec<Transfer>> = std::collections::HashMap::new();
    let conn = store.conn();
    let err = |e| store.err(e);
    let row = |r: &Row<'_>| -> rusqlite::Result<(i64, Transfer)> {
        Ok((
            r.get(0)?,
            Transfer {
                on: r.get(1)?,
                from: r.get(2)?,
                to: r.get(3)?,
            },
        ))
    };
    let mut push = |(case, t): (i64, Transfer)| out.entry(case).or_default().push(t);
    match ids {
        None => {
            let mut stmt = conn
                .prepare(
                    "SELECT case_id, on_date, from_office, to_office FROM handling_history \
                     ORDER BY case_id, on_date, id",
                )
                .map_err(err)?;
            let rows = stmt.query_map([], row).map_err(err)?;
            for r in rows {
                push(r.map_err(err)?);
            }
        }
        Some(ids) => {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT case_id, on_date, from_office, to_office FROM handling_history \
                     WHERE case_id = ?1 ORDER BY on_date, id",
                )
                .map_err(err)?;
            for id in ids {
                let rows = stmt.query_map([id], row).map_err(err)?;
                for r in rows {
                    push(r.map_err(err)?);
                }
            }
        }
    }
    Ok(out)
}

/// The index saved in the database, if one is: `read` is given a reader of its bytes and their
/// length, inside the caller's read transaction (see [`in_one_read`]).
pub(crate) fn saved_index<T>(
    store: &Store,
    read: impl FnOnce(&mut dyn ReadSeek, usize) -> T,
) -> Result<Option<T>> {
    let conn = store.conn();
    let err = |e| store.err(e);
    let len: Option<i64> = conn
        .query_row(
            "SELECT length(bytes) FROM case_index WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(err)?;
    let Some(len) = len else {
        return Ok(None);
    };
    let mut blob = conn
        .blob_open(rusqlite::MAIN_DB, "case_index", "bytes", 1, true)
        .map_err(err)?;
    Ok(Some(read(&mut blob, usize::try_from(len).unwrap_or(0))))
}

/// A byte source that can skip ahead: a file or a blob.
pub(crate) trait ReadSeek: std::io::Read + std::io::Seek {}
impl<T: std::io::Read + std::io::Seek> ReadSeek for T {}

/// Saves `bytes`, the index of `cases` cases at revision `revision` (stamp `stamp`), in the
/// database, unless the one saved there reaches further along the same history: of two writers
/// saving at once, the later state stays.
pub(crate) fn save_index(
    store: &Store,
    bytes: &[u8],
    revision: i64,
    stamp: i64,
    cases: usize,
) -> Result<bool> {
    let saved_at = chrono::Local::now()
        .naive_local()
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let changed = store
        .conn()
        .execute(
            "INSERT INTO case_index (id, revision, stamp, cases, saved_at, bytes) \
             VALUES (1, ?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, \
                 stamp = excluded.stamp, cases = excluded.cases, saved_at = excluded.saved_at, \
                 bytes = excluded.bytes \
             WHERE case_index.revision < excluded.revision \
                OR NOT EXISTS (SELECT 1 FROM case_changes c \
                               WHERE c.rev = case_index.revision AND c.stamp = case_index.stamp)",
            rusqlite::params![
                revision,
                stamp,
                i64::try_from(cases).unwrap_or(i64::MAX),
                saved_at,
                bytes
            ],
        )
        .map_err(|e| store.err(e))?;
    Ok(changed > 0)
}
