//! Pages of cases in any sort order, by keyset (page 10,000 costs what page 1 costs), and one
//! case in full with its history and deadline.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Case, Deadline, Status, StatusChange, TypeGroup};
use crate::engine::Engine;
use crate::engine::sql::SortValue;
use crate::engine::sql::pages as sql;
use crate::error::Result;
use crate::view::{Sort, SortKey, View};

/// Where a page starts: the sort value and id of the row just before (or after) it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cursor {
    pub value: SortValue,
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
pub struct CursorValue(pub Option<SortValue>);

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
    /// How a laporan's filing compares with its 7-working-day limit (none for a temuan, or a
    /// laporan without the day it became known).
    pub filing: Option<crate::domain::Filing>,
    /// The steps after forwarding, by date (all of them: the detail marks those after the
    /// view's date).
    pub follow_ups: Vec<crate::domain::FollowUp>,
    /// The transfers and take-overs of its handling office, oldest first (empty for a case
    /// handled by the office that received it).
    pub handling: Vec<crate::store::offices::Transfer>,
}

const DEFAULT_SORT: Sort = Sort {
    key: SortKey::Received,
    descending: false,
};

impl Engine<'_> {
    /// One page of the cases of `view`, in its sort order (received date by default), stable
    /// (ties broken by id).
    pub fn page(&self, view: &View, req: &PageRequest) -> Result<Page> {
        let view = &*self.scoped(view)?;
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
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let new = sql::created_after(self.store, &ids, since)?;
        for row in rows {
            row.new = new.contains(&row.id);
        }
        Ok(())
    }

    /// [`Engine::page`] from SQL.
    fn sql_page(&self, view: &View, req: &PageRequest) -> Result<Page> {
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        // Walking backward is walking forward in the opposite order, then reversing.
        let desc = sort.descending != req.backward;
        let after = req.anchor.as_ref().map(|c| (&c.value, c.id));
        let listed = sql::page(
            self.store,
            view,
            self.dates(view),
            sort.key,
            desc,
            after,
            req.limit.saturating_add(1),
        )?;
        let mut rows: Vec<CaseRow> = listed
            .into_iter()
            .map(|r| CaseRow {
                id: r.id,
                nomor: r.nomor,
                received: r.received,
                region: r.region,
                stage: r.stage,
                type_group: r.type_group,
                status: r.status,
                due: r.due,
                overdue: r.overdue,
                uraian: r.uraian,
                new: false,
                cursor: CursorValue(Some(r.sort)),
            })
            .collect();
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
        let view = &*self.scoped(view)?;
        if let Some(n) = self.index_position(view, cursor) {
            return n;
        }
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        sql::position(
            self.store,
            view,
            self.dates(view),
            sort.key,
            sort.descending,
            (&cursor.value, cursor.id),
        )
    }

    /// Calls `each` with every case of `view` in full, in the view's sort order, streaming (of
    /// every election when the view names none and the engine counts every election, as
    /// `export` asks: see [`crate::engine::ElectionScope`]).
    pub fn for_each_case(
        &self,
        view: &View,
        each: impl FnMut(i64, Case) -> Result<()>,
    ) -> Result<usize> {
        let view = &*self.scoped(view)?;
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        sql::each_case(
            self.store,
            view,
            self.dates(view),
            sort.key,
            sort.descending,
            each,
        )
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
        // The limits are the case's election's, as the database holds them.
        let limits = self
            .rules
            .limits(&case.election)
            .or_else(|| rules.limits(&case.election))
            .copied();
        let deadline = limits.and_then(|l| {
            rules.deadline(
                &l,
                status,
                case.tanggal_diketahui,
                case.tanggal_diterima,
                registered,
                case.diperpanjang,
            )
        });
        let filing = limits.and_then(|l| {
            rules.filing(
                &l,
                case.sumber == crate::domain::Source::Laporan,
                case.tanggal_diketahui,
                case.tanggal_diterima,
            )
        });
        let follow_ups = self.store.follow_ups(id)?;
        let handling = self.store.handling_chain(id)?;
        Ok(Some(CaseDetail {
            id,
            case,
            history,
            deadline,
            filing,
            follow_ups,
            handling,
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
