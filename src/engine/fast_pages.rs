//! Pages of cases chosen over the column index: the view's cases are scanned once, the next page's
//! worth kept by sort order, and only those rows read from SQLite. Cursors are the same values the
//! SQL pages use, so either path can continue what the other started.

use std::collections::BinaryHeap;
use std::ops::ControlFlow;

use crate::domain::{Status, TypeGroup};
use crate::engine::index::{CaseIndex, from_day, parse_day};
use crate::engine::pages::{CaseRow, Cursor, CursorValue, Page, PageRequest};
use crate::engine::scan::{Hit, Scanner};
use crate::engine::sql::SortValue;
use crate::engine::sql::pages as sql;
use crate::engine::{Engine, index::Day};
use crate::error::Result;
use crate::view::{Sort, SortKey, View};

/// The due value SQL sorts cases without a deadline by.
const NO_DUE: &str = "9999-12-31";

/// Sort keys as numbers, ready to compare: `(key, id)`, negated for a descending walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key(i64, i64);

/// What the index knows of the sort order.
struct Order {
    key: SortKey,
    /// Walking from the largest.
    desc: bool,
    region_pos: Vec<i64>,
    stage_pos: Vec<i64>,
}

impl Order {
    fn raw(&self, ix: &CaseIndex, hit: &Hit) -> i64 {
        match self.key {
            SortKey::Received => i64::from(ix.received[hit.pos]),
            SortKey::Region => self
                .region_pos
                .get(usize::from(ix.region[hit.pos]))
                .copied()
                .unwrap_or(i64::MAX),
            SortKey::Stage => self.stage_pos[usize::from(ix.stage[hit.pos])],
            SortKey::Status => i64::from(hit.status),
            SortKey::Type => i64::from(hit.type_group),
            SortKey::Due => hit.due.map_or(i64::MAX, i64::from),
            SortKey::Number => 0,
        }
    }

    fn key(&self, raw: i64, id: i64) -> Key {
        if self.desc {
            Key(raw.saturating_neg(), id.saturating_neg())
        } else {
            Key(raw, id)
        }
    }

    /// The number a cursor's value stands for; `None` when it is not one the index can place.
    fn raw_of(&self, v: &SortValue) -> Option<i64> {
        match (self.key, v) {
            (SortKey::Received, SortValue::Text(t)) => parse_day(t).map(i64::from),
            (SortKey::Due, SortValue::Text(t)) if t == NO_DUE => Some(i64::MAX),
            (SortKey::Due, SortValue::Text(t)) => parse_day(t).map(i64::from),
            (
                SortKey::Region | SortKey::Stage | SortKey::Status | SortKey::Type,
                SortValue::Integer(i),
            ) => Some(*i),
            _ => None,
        }
    }

    /// The cursor value of a row, as SQL gives it.
    fn value(&self, raw: i64) -> SortValue {
        match self.key {
            SortKey::Received => SortValue::Text(day_text(raw)),
            SortKey::Due if raw == i64::MAX => SortValue::Text(NO_DUE.into()),
            SortKey::Due => SortValue::Text(day_text(raw)),
            _ => SortValue::Integer(raw),
        }
    }
}

fn day_text(raw: i64) -> String {
    from_day(Day::try_from(raw).unwrap_or_default()).to_string()
}

const DEFAULT_SORT: Sort = Sort {
    key: SortKey::Received,
    descending: false,
};

impl Engine<'_> {
    fn order(&self, view: &View, backward: bool) -> Order {
        let sort = view.sort.unwrap_or(DEFAULT_SORT);
        // A stage's place is the one it has in its own election's calendar, as SQL's `spos`.
        let stage_pos = self.index().map_or_else(Vec::new, |ix| {
            ix.stages
                .iter()
                .zip(&ix.stage_election)
                .map(|(code, e)| {
                    ix.elections
                        .get(usize::from(*e))
                        .and_then(|e| self.reference.election(e))
                        .and_then(|e| e.stage(code))
                        .map_or(0, |s| s.position)
                })
                .collect()
        });
        Order {
            key: sort.key,
            desc: sort.descending != backward,
            region_pos: self
                .reference
                .regions
                .iter()
                .chain(&self.reference.kecamatan)
                .map(|r| r.position)
                .collect(),
            stage_pos,
        }
    }

    /// A page of `view` chosen over the index; `None` when the index cannot answer it.
    pub(crate) fn index_page(&self, view: &View, req: &PageRequest) -> Option<Result<Page>> {
        let order = self.order(view, req.backward);
        let keep = req.limit + 1;
        let picked: Vec<(Key, usize)> = if order.key == SortKey::Number {
            let scanner = match self.scanner(view)? {
                Ok(s) => s,
                Err(e) => return Some(Err(e)),
            };
            let anchor = match &req.anchor {
                Some(c) => match &c.value {
                    SortValue::Text(t) => Some(t.clone()),
                    _ => return None,
                },
                None => None,
            };
            match self.walk_numbers(&scanner, order.desc, anchor.as_deref(), keep) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            }
        } else {
            let anchor = match &req.anchor {
                Some(c) => Some(order.key(order.raw_of(&c.value)?, c.id)),
                None => None,
            };
            let parts = self.fold_in(
                view,
                order.desc,
                || BinaryHeap::<(Key, usize)>::with_capacity(keep + 1),
                |heap, ix, hit| {
                    let k = order.key(order.raw(ix, hit), ix.id(hit.pos));
                    if anchor.is_some_and(|a| k <= a) {
                        return;
                    }
                    if heap.len() < keep {
                        heap.push((k, hit.pos));
                    } else if heap.peek().is_some_and(|top| k < top.0) {
                        heap.pop();
                        heap.push((k, hit.pos));
                    }
                },
            )?;
            match parts {
                Err(e) => return Some(Err(e)),
                Ok(parts) => {
                    let mut all: Vec<(Key, usize)> = parts.into_iter().flatten().collect();
                    all.sort_unstable();
                    all.truncate(keep);
                    all
                }
            }
        };
        Some(self.rows_of(view, &order, picked, req))
    }

    /// Walks the cases in number order from SQLite's unique index on `nomor`, keeping those of the
    /// view: as many rows are read as it takes to find `keep` of them.
    fn walk_numbers(
        &self,
        scanner: &Scanner<'_>,
        desc: bool,
        anchor: Option<&str>,
        keep: usize,
    ) -> Result<Vec<(Key, usize)>> {
        let ix = scanner.index();
        let mut out = Vec::with_capacity(keep);
        let mut rank = 0i64;
        sql::ids_by_number(self.store, desc, anchor, |id| {
            if let Some(pos) = ix.position_of(id)
                && scanner.hit(pos).is_some()
            {
                out.push((Key(rank, id), pos));
                rank += 1;
            }
            if out.len() < keep {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        })?;
        Ok(out)
    }

    /// Reads the picked cases' rows and puts them in page order.
    fn rows_of(
        &self,
        view: &View,
        order: &Order,
        picked: Vec<(Key, usize)>,
        req: &PageRequest,
    ) -> Result<Page> {
        let Some((ix, _)) = self.index.as_ref() else {
            return Ok(Page {
                rows: Vec::new(),
                more: false,
            });
        };
        let scanner = match self.scanner(view) {
            Some(s) => s?,
            None => {
                return Ok(Page {
                    rows: Vec::new(),
                    more: false,
                });
            }
        };
        let more = picked.len() > req.limit;
        let picked = &picked[..picked.len().min(req.limit)];
        let ids: Vec<i64> = picked.iter().map(|(_, pos)| ix.id(*pos)).collect();
        let texts = sql::row_texts(self.store, &ids)?;
        let mut rows = Vec::with_capacity(picked.len());
        for (_, pos) in picked {
            let id = ix.id(*pos);
            let (Some(hit), Some(t)) = (scanner.hit(*pos), texts.get(&id)) else {
                // Gone since the index was read: the refresh that follows shows it.
                continue;
            };
            let cursor = if order.key == SortKey::Number {
                SortValue::Text(t.nomor.clone())
            } else {
                order.value(order.raw(ix, &hit))
            };
            rows.push(CaseRow {
                id,
                nomor: t.nomor.clone(),
                received: from_day(ix.received[*pos]),
                region: ix.regions[usize::from(ix.region[*pos])].clone(),
                stage: ix.stages[usize::from(ix.stage[*pos])].clone(),
                type_group: TypeGroup::ALL
                    .get(usize::from(hit.type_group))
                    .map(|t| t.code().to_string())
                    .unwrap_or_default(),
                status: Status::ALL
                    .get(usize::from(hit.status))
                    .map(|s| s.code().to_string())
                    .unwrap_or_default(),
                due: hit.due.map(from_day),
                overdue: hit.overdue,
                uraian: t.uraian.clone(),
                new: false,
                cursor: CursorValue(Some(cursor)),
            });
        }
        if req.backward {
            rows.reverse();
        }
        Ok(Page { rows, more })
    }

    /// How many cases of `view` come before `cursor`, over the index.
    pub(crate) fn index_position(&self, view: &View, cursor: &Cursor) -> Option<Result<i64>> {
        let order = self.order(view, false);
        if order.key == SortKey::Number {
            let SortValue::Text(nomor) = &cursor.value else {
                return None;
            };
            let scanner = match self.scanner(view)? {
                Ok(s) => s,
                Err(e) => return Some(Err(e)),
            };
            let count = || -> Result<i64> {
                let mut n = 0;
                sql::ids_before_number(self.store, nomor, order.desc, |id| {
                    if let Some(pos) = scanner.index().position_of(id)
                        && scanner.hit(pos).is_some()
                    {
                        n += 1;
                    }
                })?;
                Ok(n)
            };
            return Some(count());
        }
        let at = order.key(order.raw_of(&cursor.value)?, cursor.id);
        let parts = self.fold(
            view,
            || 0i64,
            |n, ix, hit| {
                if order.key(order.raw(ix, hit), ix.id(hit.pos)) < at {
                    *n += 1;
                }
            },
        )?;
        Some(parts.map(|p| p.into_iter().sum()))
    }
}
