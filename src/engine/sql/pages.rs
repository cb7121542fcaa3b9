//! Pages of cases over the relation of a view: one page from a keyset cursor, the position of a
//! row, every case in full (an export); and the number and description of the cases a page
//! chosen over the column index shows.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params_from_iter;

use crate::domain::Case;
use crate::engine::sql::{Dates, Params, SortValue, relation, sort_expr};
use crate::error::Result;
use crate::store::Store;
use crate::store::read::case_from_row;
use crate::view::{SortKey, View};

/// One row of the case list as of the view's date, with the value it sorts by.
pub(crate) struct Listed {
    pub id: i64,
    pub nomor: String,
    pub received: NaiveDate,
    pub region: String,
    pub stage: String,
    pub type_group: String,
    pub status: String,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    pub uraian: String,
    pub sort: SortValue,
}

/// Up to `limit` rows of `view` in the order of `key` (from the largest when `descending`, ties
/// broken by id the same way), after the row with sort value and id `after` when given.
pub(crate) fn page(
    store: &Store,
    view: &View,
    dates: Dates,
    key: SortKey,
    descending: bool,
    after: Option<(&SortValue, i64)>,
    limit: usize,
) -> Result<Vec<Listed>> {
    let mut p = Params::default();
    let expr = sort_expr(key);
    let (cmp, dir) = if descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    let keyset = match after {
        Some((value, id)) => format!(
            "WHERE ({expr}, id) {cmp} ({}, {})",
            p.bind(value),
            p.bind(id)
        ),
        None => String::new(),
    };
    let limit = p.bind(i64::try_from(limit).unwrap_or(i64::MAX));
    let query = format!(
        "SELECT id, nomor, tanggal_diterima, kode_wilayah, kode_tahapan, tg, st, due, overdue, uraian, \
         {expr} AS sortval FROM w {keyset} ORDER BY sortval {dir}, id {dir} LIMIT {limit}"
    );
    let sql = relation(store, view, dates, &mut p, &query)?;
    let mut stmt = store
        .conn()
        .prepare_cached(&sql)
        .map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(&p.values), |r| {
        Ok(Listed {
            id: r.get("id")?,
            nomor: r.get("nomor")?,
            received: r.get("tanggal_diterima")?,
            region: r.get("kode_wilayah")?,
            stage: r.get("kode_tahapan")?,
            type_group: r.get("tg")?,
            status: r.get("st")?,
            due: r.get("due")?,
            overdue: r.get("overdue")?,
            uraian: r.get("uraian")?,
            sort: r.get("sortval")?,
        })
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}

/// How many cases of `view` come before the row with sort value and id `at` in the order of `key`
/// (from the largest when `descending`).
pub(crate) fn position(
    store: &Store,
    view: &View,
    dates: Dates,
    key: SortKey,
    descending: bool,
    at: (&SortValue, i64),
) -> Result<i64> {
    let mut p = Params::default();
    let expr = sort_expr(key);
    let cmp = if descending { ">" } else { "<" };
    let query = format!(
        "SELECT count(*) FROM w WHERE ({expr}, id) {cmp} ({}, {})",
        p.bind(at.0),
        p.bind(at.1)
    );
    let sql = relation(store, view, dates, &mut p, &query)?;
    store
        .conn()
        .query_row(&sql, params_from_iter(&p.values), |r| r.get(0))
        .map_err(|e| store.err(e))
}

/// Calls `each` with the id and every field of each case of `view` in the order of `key`,
/// streaming; returns how many there were.
pub(crate) fn each_case(
    store: &Store,
    view: &View,
    dates: Dates,
    key: SortKey,
    descending: bool,
    mut each: impl FnMut(i64, Case) -> Result<()>,
) -> Result<usize> {
    let mut p = Params::default();
    let dir = if descending { "DESC" } else { "ASC" };
    // The columns of `cases` only: what the relation computes besides (a deadline, lateness)
    // would be computed for every case and never read.
    let columns = store
        .conn()
        .prepare_cached("SELECT * FROM cases LIMIT 0")
        .map_err(|e| store.err(e))?
        .column_names()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(", ");
    let query = format!(
        "SELECT {columns} FROM w ORDER BY {} {dir}, id {dir}",
        sort_expr(key)
    );
    let sql = relation(store, view, dates, &mut p, &query)?;
    let mut stmt = store.conn().prepare(&sql).map_err(|e| store.err(e))?;
    let mut rows = stmt
        .query(params_from_iter(&p.values))
        .map_err(|e| store.err(e))?;
    let mut n = 0;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let id: i64 = r.get("id").map_err(|e| store.err(e))?;
        each(id, case_from_row(r).map_err(|e| store.err(e))?)?;
        n += 1;
    }
    Ok(n)
}

/// Of these cases, the ids of those recorded after `since` (the meeting baseline).
pub(crate) fn created_after(
    store: &Store,
    ids: &[i64],
    since: chrono::NaiveDateTime,
) -> Result<std::collections::HashSet<i64>> {
    let since = crate::engine::sql::datetime(since);
    let mut stmt = store
        .conn()
        .prepare_cached(crate::engine::sql::CREATED_AFTER)
        .map_err(|e| store.err(e))?;
    let mut out = std::collections::HashSet::new();
    for id in ids {
        match stmt.query_row(rusqlite::params![id, since], |r| {
            r.get::<_, Option<bool>>(0)
        }) {
            Ok(Some(true)) => {
                out.insert(*id);
            }
            Ok(_) | Err(rusqlite::Error::QueryReturnedNoRows) => {}
            Err(e) => return Err(store.err(e)),
        }
    }
    Ok(out)
}

/// The intake number and description of a case of the list.
pub(crate) struct RowText {
    pub nomor: String,
    pub uraian: String,
}

/// The intake number and description of each of these cases still stored, by id.
pub(crate) fn row_texts(store: &Store, ids: &[i64]) -> Result<HashMap<i64, RowText>> {
    let mut out = HashMap::with_capacity(ids.len());
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT nomor, uraian FROM cases WHERE id = ?1")
        .map_err(|e| store.err(e))?;
    for id in ids {
        let row = stmt.query_row([id], |r| {
            Ok(RowText {
                nomor: r.get(0)?,
                uraian: r.get(1)?,
            })
        });
        match row {
            Ok(t) => {
                out.insert(*id, t);
            }
            Err(rusqlite::Error::QueryReturnedNoRows) => {}
            Err(e) => return Err(store.err(e)),
        }
    }
    Ok(out)
}

/// Calls `each` with the id of every case in intake-number order (from the largest when
/// `descending`), from the number after `after` when given, until `each` says to stop.
pub(crate) fn ids_by_number(
    store: &Store,
    descending: bool,
    after: Option<&str>,
    mut each: impl FnMut(i64) -> std::ops::ControlFlow<()>,
) -> Result<()> {
    let sql = match (descending, after.is_some()) {
        (false, false) => "SELECT id FROM cases ORDER BY nomor ASC",
        (false, true) => "SELECT id FROM cases WHERE nomor > ?1 ORDER BY nomor ASC",
        (true, false) => "SELECT id FROM cases ORDER BY nomor DESC",
        (true, true) => "SELECT id FROM cases WHERE nomor < ?1 ORDER BY nomor DESC",
    };
    let mut stmt = store.conn().prepare_cached(sql).map_err(|e| store.err(e))?;
    let mut rows = match after {
        Some(a) => stmt.query([a]),
        None => stmt.query([]),
    }
    .map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let id: i64 = r.get(0).map_err(|e| store.err(e))?;
        if each(id).is_break() {
            break;
        }
    }
    Ok(())
}

/// Calls `each` with the id of every case that comes before `nomor` in intake-number order (from
/// the largest when `descending`: every case numbered after it).
pub(crate) fn ids_before_number(
    store: &Store,
    nomor: &str,
    descending: bool,
    mut each: impl FnMut(i64),
) -> Result<()> {
    let sql = if descending {
        "SELECT id FROM cases WHERE nomor > ?1"
    } else {
        "SELECT id FROM cases WHERE nomor < ?1"
    };
    let mut stmt = store.conn().prepare_cached(sql).map_err(|e| store.err(e))?;
    let mut rows = stmt.query([nomor]).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        each(r.get(0).map_err(|e| store.err(e))?);
    }
    Ok(())
}
