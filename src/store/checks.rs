//! What `pantau check` asks the database: SQLite's integrity and foreign-key checks, the
//! application id, the schema objects, FTS5's own check, and case histories that do not add up;
//! and what `pantau doctor` asks: the quick integrity check and the journal mode. Each returns
//! what it found; the command words it in both languages.

use std::collections::BTreeMap;

use rusqlite::types::Value;

use crate::error::Result;
use crate::store::Store;

/// Rows of one column of text from `sql`.
fn texts(store: &Store, sql: &str) -> Result<Vec<String>> {
    let mut stmt = store.conn().prepare(sql).map_err(|e| store.err(e))?;
    let rows = stmt
        .query_map([], |r| {
            let v: Value = r.get(0)?;
            Ok(match v {
                Value::Text(t) => t,
                Value::Integer(i) => i.to_string(),
                Value::Real(f) => f.to_string(),
                Value::Null => String::new(),
                Value::Blob(b) => format!("<{} bytes>", b.len()),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))?;
    Ok(rows)
}

fn count(store: &Store, sql: &str) -> Result<i64> {
    store
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .map_err(|e| store.err(e))
}

/// `PRAGMA integrity_check` (at most 100 rows): `["ok"]` when the file is whole.
pub fn integrity(store: &Store) -> Result<Vec<String>> {
    texts(store, "PRAGMA integrity_check(100)")
}

/// `PRAGMA quick_check`: `["ok"]` when the file is whole, else what it found. The error is
/// SQLite's own words when the check cannot run at all.
pub fn quick_check(store: &Store) -> std::result::Result<Vec<String>, String> {
    store
        .conn()
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
        .map_err(|e| e.to_string())
}

/// `PRAGMA journal_mode`: `wal` for a database in WAL mode.
pub fn journal_mode(store: &Store) -> Result<String> {
    store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .map_err(|e| store.err(e))
}

/// `PRAGMA foreign_key_check`: (table, rowid, parent table) of each row pointing nowhere.
pub fn foreign_keys(store: &Store) -> Result<Vec<(String, Option<i64>, String)>> {
    let mut stmt = store
        .conn()
        .prepare("PRAGMA foreign_key_check")
        .map_err(|e| store.err(e))?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))
}

/// `PRAGMA application_id`.
pub fn application_id(store: &Store) -> Result<i64> {
    count(store, "PRAGMA application_id")
}

/// The schema objects of a database: (type, name) → their SQL with whitespace collapsed.
pub fn objects(store: &Store) -> Result<BTreeMap<(String, String), String>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema")
        .map_err(|e| store.err(e))?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))?;
    Ok(rows
        .into_iter()
        .map(|(t, n, sql)| ((t, n), sql.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect())
}

/// What FTS5's check of the full-text index against the cases found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FullText {
    Matches,
    /// The index does not match the cases.
    Damaged,
    /// Another process holds the write lock; not checked.
    Busy,
}

/// FTS5's own check (rank 1: the content too): an `INSERT` that changes nothing, run in a
/// transaction that is rolled back. `None` when the database is open read-only.
pub fn full_text(store: &Store) -> Result<Option<FullText>> {
    let Some(conn) = store.probe_writer()? else {
        return Ok(None);
    };
    let tx = conn.unchecked_transaction().map_err(|e| store.err(e))?;
    let result = tx.execute(
        "INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)",
        [],
    );
    tx.rollback().map_err(|e| store.err(e))?;
    match result {
        Ok(_) => Ok(Some(FullText::Matches)),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            Ok(Some(FullText::Busy))
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Ok(Some(FullText::Damaged))
        }
        Err(e) => Err(store.err(e)),
    }
}

/// The kinds of case history that do not add up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A case without any status entry: rows are its number.
    Missing,
    /// A case whose status is not its last entry's: number, status, last entry (split by U+001F).
    StatusNotLast,
    /// An entry that does not start from the status before it: number, date, from, previous
    /// (split by U+001F).
    BrokenChain,
}

/// The cases with a history of this kind, in case order.
pub fn history(store: &Store, kind: History) -> Result<Vec<String>> {
    let sql = match kind {
        History::Missing => {
            "SELECT c.nomor FROM cases c WHERE NOT EXISTS \
             (SELECT 1 FROM status_history h WHERE h.case_id = c.id) ORDER BY c.id"
        }
        History::StatusNotLast => {
            "SELECT c.nomor || char(31) || c.status || char(31) || h.to_status FROM cases c JOIN \
             (SELECT case_id, to_status, row_number() OVER \
              (PARTITION BY case_id ORDER BY changed_at DESC, id DESC) AS rn FROM status_history) h \
             ON h.case_id = c.id AND h.rn = 1 WHERE h.to_status <> c.status ORDER BY c.id"
        }
        History::BrokenChain => {
            "SELECT c.nomor || char(31) || x.changed_at || char(31) || coalesce(x.from_status, '∅') \
             || char(31) || coalesce(x.prev, '∅') FROM (SELECT case_id, id, changed_at, from_status, \
             lag(to_status) OVER (PARTITION BY case_id ORDER BY changed_at, id) AS prev \
             FROM status_history) x JOIN cases c ON c.id = x.case_id \
             WHERE x.from_status IS NOT x.prev ORDER BY c.id, x.changed_at, x.id"
        }
    };
    texts(store, sql)
}

/// How many status entries there are.
pub fn history_entries(store: &Store) -> Result<i64> {
    count(store, "SELECT count(*) FROM status_history")
}

/// Every step after forwarding with its case, in case order then by date: for `check`, which
/// holds each against its case.
pub fn follow_ups_with_cases(
    store: &Store,
) -> Result<Vec<(crate::domain::Case, crate::domain::FollowUp)>> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT c.*, f.step AS f_step, f.happened_on AS f_on, f.reference AS f_reference, \
             f.note AS f_note FROM follow_ups f JOIN cases c ON c.id = f.case_id \
             ORDER BY c.id, f.happened_on, f.id",
        )
        .map_err(|e| store.err(e))?;
    stmt.query_map([], |r| {
        Ok((
            crate::store::read::case_from_row(r)?,
            crate::domain::FollowUp {
                step: r.get("f_step")?,
                on: r.get("f_on")?,
                reference: r.get("f_reference")?,
                note: r.get("f_note")?,
            },
        ))
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}
