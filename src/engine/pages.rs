//! Pages of cases in any sort order, by keyset (page 10,000 costs what page 1 costs), and one
//! case in full with its history and deadline.

use chrono::NaiveDate;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::domain::{Case, Deadline, Status, StatusChange, TypeGroup};
use crate::engine::Engine;
use crate::engine::sql::{Params, relation, sort_expr};
use crate::error::Result;
use crate::store::read::case_from_row;
use crate::view::{Sort, SortKey, View};

/// Where a page starts: the sort value and id of the row just before (or after) it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cursor {
    pub value: Value,
    pub id: i64,
}

/// A request for one page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRequest {
    /// Rows after this cursor (or before it when `backward`); `None` for the first (last) page.
    pub anchor: Option<Cursor>,
    pub backward: bool,
    pub limit: usize,
}

impl PageRequest {
    /// The first page of `limit` rows.
    pub fn first(limit: usize) -> PageRequest {
        PageRequest {
            anchor: None,
            backward: false,
            limit,
        }
    }
}

/// One row of the case list, as of the view's date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseRow {
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
    /// Recorded since the baseline in force (what `is:new` selects); false without one.
    #[serde(skip)]
    pub new: bool,
    #[serde(skip)]
    pub cursor: CursorValue,
}

/// The sort value of a row, for building the next cursor.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CursorValue(pub Option<Value>);

/// A page of rows in the view's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub rows: Vec<CaseRow>,
    /// Whether more rows follow in the direction asked.
    pub more: bool,
}

impl Page {
    /// The cursor after the last row (for the next page).
    pub fn next(&self) -> Option<Cursor> {
        self.rows.last().and_then(row_cursor)
    }

    /// The cursor before the first row (for the previous page).
    pub fn prev(&self) -> Option<Cursor> {
        self.rows.first().and_then(row_cursor)
    }
}

fn row_cursor(r: &CaseRow) -> Option<Cursor> {
    r.anchor_at(r.id)
}

impl CaseRow {
    /// A cursor with this row's sort value and the given id: the row's own id to page from it,
    /// one past it to start a page with it.
    pub fn anchor_at(&self, id: i64) -> Option<Cursor> {
        self.cursor.0.clone().map(|value| Cursor { value, id })
    }
}

/// One case in full, with what the view's date makes of it.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseDetail {
    pub id: i64,
    pub case: Case,
    pub history: Vec<StatusChange>,
    pub deadline: Option<Deadline>,
}

const DEFAULT_SORT: Sort = Sort {
    key: SortKey::Received,
    descending: false,
};

impl Engine<'_> {
    /// One page of the cases of `view`, in its sort order (received date by default), stable
    /// (ties broken by id).
    pub fn page(&self, view: &View, req: &PageRequest) -> Result<Page> {
        let mut page = match self.index_page(view, req) {
            Some(page) => page?,
            None => self.sql_page(view, req)?,
        };
        self.mark_new(&mut page.rows)?;
        Ok(page)
    }

    /// Marks the rows recorded since the baseline in force, if there is one.
    fn mark_new(&self, rows: &mut [CaseRow]) -> Result<()> {
        let Some(since) = self.new_since() else {
            return Ok(());
        };
        let since = crate::engine::sql::datetime(since);
        let mut stmt = self
            .store
            .conn()
            .prepare_cached(crate::engine::sql::CREATED_AFTER)
            .map_err(|e| self.store.err(e))?;
        for row in rows {
            row.new = match stmt.query_row(rusqlite::params![row.id, since], |r| {
                r.get::<_, Option<bool>>(0)
            }) {
                Ok(new) => new.unwrap_or(false),
                Err(rusqlite::Error::QueryReturnedNoRows) => false,
                Err(e) => return Err(self.store.err(e)),
            };
        }
        Ok(())
    }

    /// [`Engine::page`] from SQL.
    fn sql_page(&self, view: &View, req: &PageRequest) -> Result<Page> {
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        let mut p = Params::default();
        let rel = relation(view, self.dates(view), &mut p);
        let expr = sort_expr(sort.key);
        // Walking backward is walking forward in the opposite order, then reversing.
        let desc = sort.descending != req.backward;
        let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
        let keyset = match &req.anchor {
            Some(c) => format!(
                "WHERE ({expr}, id) {cmp} ({}, {})",
                p.bind(c.value.clone()),
                p.bind(c.id)
            ),
            None => String::new(),
        };
        let limit = p.bind(i64::try_from(req.limit + 1).unwrap_or(i64::MAX));
        let sql = format!(
            "{rel} SELECT id, nomor, tanggal_diterima, kode_wilayah, kode_tahapan, tg, st, due, overdue, uraian, \
             {expr} AS sortval FROM w {keyset} ORDER BY sortval {dir}, id {dir} LIMIT {limit}"
        );
        let mut stmt = self
            .store
            .conn()
            .prepare_cached(&sql)
            .map_err(|e| self.store.err(e))?;
        let mut rows: Vec<CaseRow> = stmt
            .query_map(params_from_iter(&p.values), |r| {
                Ok(CaseRow {
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
                    new: false,
                    cursor: CursorValue(Some(r.get("sortval")?)),
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.store.err(e))?;
        let more = rows.len() > req.limit;
        rows.truncate(req.limit);
        if req.backward {
            rows.reverse();
        }
        Ok(Page { rows, more })
    }

    /// How many cases of `view` come before `cursor` in the view's order: the 0-based position of
    /// the row the cursor was taken from (the TUI's "n of N" after it re-anchors a page).
    pub fn position(&self, view: &View, cursor: &Cursor) -> Result<i64> {
        if let Some(n) = self.index_position(view, cursor) {
            return n;
        }
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        let mut p = Params::default();
        let rel = relation(view, self.dates(view), &mut p);
        let expr = sort_expr(sort.key);
        let cmp = if sort.descending { ">" } else { "<" };
        let sql = format!(
            "{rel} SELECT count(*) FROM w WHERE ({expr}, id) {cmp} ({}, {})",
            p.bind(cursor.value.clone()),
            p.bind(cursor.id)
        );
        self.store
            .conn()
            .query_row(&sql, params_from_iter(&p.values), |r| r.get(0))
            .map_err(|e| self.store.err(e))
    }

    /// Calls `each` with every case of `view` in full, in the view's sort order, streaming.
    pub fn for_each_case(
        &self,
        view: &View,
        mut each: impl FnMut(i64, Case) -> Result<()>,
    ) -> Result<usize> {
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        let mut p = Params::default();
        let rel = relation(view, self.dates(view), &mut p);
        let dir = if sort.descending { "DESC" } else { "ASC" };
        let sql = format!(
            "{rel} SELECT * FROM w ORDER BY {} {dir}, id {dir}",
            sort_expr(sort.key)
        );
        let mut stmt = self
            .store
            .conn()
            .prepare(&sql)
            .map_err(|e| self.store.err(e))?;
        let mut rows = stmt
            .query(params_from_iter(&p.values))
            .map_err(|e| self.store.err(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.store.err(e))? {
            let id: i64 = r.get("id").map_err(|e| self.store.err(e))?;
            each(id, case_from_row(r).map_err(|e| self.store.err(e))?)?;
            n += 1;
        }
        Ok(n)
    }

    /// The case with this id, as of `view`'s date: its fields, history and current deadline.
    pub fn detail(
        &self,
        view: &View,
        id: i64,
        rules: &crate::domain::DeadlineRules,
    ) -> Result<Option<CaseDetail>> {
        let Some((case, history)) = self.store.case_with_history(id)? else {
            return Ok(None);
        };
        let dates = self.dates(view);
        let status = history
            .iter()
            .rfind(|h| h.at.date() <= dates.as_of)
            .map(|h| h.to)
            .unwrap_or(case.status);
        let registered = case.tanggal_registrasi.filter(|d| *d <= dates.as_of);
        let deadline = rules.deadline(
            status,
            case.tanggal_diketahui,
            case.tanggal_diterima,
            registered,
            case.diperpanjang,
        );
        Ok(Some(CaseDetail {
            id,
            case,
            history,
            deadline,
        }))
    }
}

impl CaseRow {
    /// The status as an enum.
    pub fn status(&self) -> Option<Status> {
        Status::from_code(&self.status)
    }

    /// The type group as an enum.
    pub fn type_group(&self) -> Option<TypeGroup> {
        TypeGroup::from_code(&self.type_group)
    }
}
