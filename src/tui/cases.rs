//! The case list's window: the rows fetched around the visible area, the cursor and scroll offset,
//! and which page to ask for next (keyset cursors). Pure state; the app sends the requests.

use crate::engine::{CaseRow, Page, PageRequest};

/// Where the cursor lands when a page replaces the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Landing {
    /// On the first case of the view.
    First,
    /// On the last case of the view.
    Last,
    /// On the case with this id, the window starting at the row that was on top; if the case is
    /// gone, `offset` rows below the top.
    Keep { id: i64, offset: usize },
}

/// How a page answer is placed in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    Replace(Landing),
    /// Rows after the window.
    Append,
    /// Rows before the window.
    Prepend,
}

/// The fetched rows and the cursor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseList {
    rows: Vec<CaseRow>,
    /// Whether any page arrived since the view was set.
    loaded: bool,
    /// No case of the view comes before the window.
    at_start: bool,
    /// No case of the view comes after the window.
    at_end: bool,
    /// The 0-based position of the window's first row in the view, when known.
    first_pos: Option<usize>,
    selected: usize,
    top: usize,
    /// Rows the cursor still has to move once the next page arrives (+ down, − up).
    owed: isize,
    /// The last page request failed: ask again only after a reset or a refresh.
    failed: bool,
}

/// Rows fetched per page for a list showing `visible` rows.
pub fn chunk(visible: usize) -> usize {
    (visible * 2).max(40)
}

impl CaseList {
    /// Forgets every row (a new view).
    pub fn reset(&mut self) {
        *self = CaseList::default();
    }

    pub fn rows(&self) -> &[CaseRow] {
        &self.rows
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn has_failed(&self) -> bool {
        self.failed
    }

    pub fn set_failed(&mut self) {
        self.failed = true;
        self.owed = 0;
    }

    /// The index (in the window) of the row under the cursor.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The index (in the window) of the first visible row.
    pub fn top(&self) -> usize {
        self.top
    }

    /// The case under the cursor.
    pub fn selected_row(&self) -> Option<&CaseRow> {
        self.rows.get(self.selected)
    }

    /// The 1-based position of the cursor in the view, when known.
    pub fn position(&self) -> Option<usize> {
        self.first_pos
            .map(|p| p + self.selected + 1)
            .filter(|_| !self.rows.is_empty())
    }

    /// Puts the cursor on the case with this id if the window holds it; whether it does.
    pub fn select_id(&mut self, id: i64, visible: usize) -> bool {
        match self.rows.iter().position(|r| r.id == id) {
            Some(i) => {
                self.selected = i;
                self.scroll_to_cursor(visible);
                true
            }
            None => false,
        }
    }

    /// Whether the cursor still has rows to move once the next page arrives.
    pub fn owes(&self) -> bool {
        self.owed != 0
    }

    /// Moves the cursor by `delta` rows, scrolling to keep it visible; what cannot be done before
    /// more rows arrive is owed.
    pub fn move_by(&mut self, delta: isize, visible: usize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        let wanted = self.selected as isize + delta;
        let clamped = wanted.clamp(0, last as isize);
        self.selected = clamped as usize;
        let short = wanted - clamped;
        self.owed = if (short > 0 && !self.at_end) || (short < 0 && !self.at_start) {
            short
        } else {
            0
        };
        self.scroll_to_cursor(visible);
    }

    /// Turns a page: the top and the cursor move together by `pages` screens.
    pub fn page_by(&mut self, pages: isize, visible: usize) {
        let step = pages * visible.max(1) as isize;
        let last_top = self.rows.len().saturating_sub(visible);
        self.top = (self.top as isize + step).clamp(0, last_top as isize) as usize;
        self.move_by(step, visible);
    }

    /// Keeps the cursor inside the `visible` rows from the top.
    pub fn scroll_to_cursor(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + visible {
            self.top = self.selected + 1 - visible;
        }
    }

    /// Goes to the first case if the window holds it; otherwise the page to ask for.
    pub fn to_first(&mut self, visible: usize) -> Option<(PageRequest, Fill)> {
        if self.at_start && !self.rows.is_empty() {
            self.owed = 0;
            self.selected = 0;
            self.scroll_to_cursor(visible);
            return None;
        }
        Some((
            PageRequest {
                anchor: None,
                backward: false,
                limit: chunk(visible),
            },
            Fill::Replace(Landing::First),
        ))
    }

    /// Goes to the last case if the window holds it; otherwise the page to ask for.
    pub fn to_last(&mut self, visible: usize) -> Option<(PageRequest, Fill)> {
        if self.at_end && !self.rows.is_empty() {
            self.owed = 0;
            self.selected = self.rows.len() - 1;
            self.scroll_to_cursor(visible);
            return None;
        }
        Some((
            PageRequest {
                anchor: None,
                backward: true,
                limit: chunk(visible),
            },
            Fill::Replace(Landing::Last),
        ))
    }

    /// The page that re-reads the window from its top row (inclusive), keeping the cursor on its case:
    /// after a change in the database or of the as-of date.
    pub fn reanchor(&self, visible: usize, descending: bool) -> (PageRequest, Fill) {
        let limit = chunk(visible) + visible;
        let (Some(top), Some(sel)) = (self.rows.get(self.top), self.selected_row()) else {
            return (
                PageRequest {
                    anchor: None,
                    backward: false,
                    limit,
                },
                Fill::Replace(Landing::First),
            );
        };
        // Just before the top row in the view's order, so the page starts with it; from the
        // view's start when its first case is on top, so that cases arriving before it (the
        // newest, in a list sorted newest first) come into sight above the cursor.
        let anchor = if self.top == 0 && self.at_start {
            None
        } else {
            top.anchor_at(if descending { top.id + 1 } else { top.id - 1 })
        };
        let landing = Landing::Keep {
            id: sel.id,
            offset: self.selected - self.top,
        };
        (
            PageRequest {
                anchor,
                backward: false,
                limit,
            },
            Fill::Replace(landing),
        )
    }

    /// The page to fetch next so the cursor always has rows around it, if any.
    pub fn wants(&self, visible: usize) -> Option<(PageRequest, Fill)> {
        if !self.loaded || self.failed || self.rows.is_empty() {
            return None;
        }
        let margin = visible.max(1);
        let limit = chunk(visible);
        if !self.at_end && (self.rows.len() - self.selected <= visible + margin || self.owed > 0) {
            let anchor = self.rows.last().and_then(|r| r.anchor_at(r.id));
            return Some((
                PageRequest {
                    anchor,
                    backward: false,
                    limit,
                },
                Fill::Append,
            ));
        }
        if !self.at_start && (self.selected <= margin || self.owed < 0) {
            let anchor = self.rows.first().and_then(|r| r.anchor_at(r.id));
            return Some((
                PageRequest {
                    anchor,
                    backward: true,
                    limit,
                },
                Fill::Prepend,
            ));
        }
        None
    }

    /// Places a page in the window. `position` is how many cases precede its first row, if asked.
    pub fn apply(&mut self, fill: Fill, page: Page, position: Option<i64>, visible: usize) {
        let more = page.more;
        let n = page.rows.len();
        let position = position.and_then(|p| usize::try_from(p).ok());
        self.loaded = true;
        self.failed = false;
        match fill {
            Fill::Replace(landing) => {
                self.rows = page.rows;
                self.top = 0;
                self.owed = 0;
                match landing {
                    Landing::First => {
                        self.at_start = true;
                        self.at_end = !more;
                        self.first_pos = Some(0);
                        self.selected = 0;
                    }
                    Landing::Last => {
                        self.at_end = true;
                        self.at_start = !more;
                        self.first_pos = position.or(if !more { Some(0) } else { None });
                        self.selected = n.saturating_sub(1);
                    }
                    Landing::Keep { id, offset } => {
                        self.at_start = position == Some(0);
                        self.at_end = !more;
                        self.first_pos = position;
                        self.selected = self
                            .rows
                            .iter()
                            .position(|r| r.id == id)
                            .unwrap_or(offset)
                            .min(n.saturating_sub(1));
                    }
                }
            }
            Fill::Append => {
                self.at_end = !more;
                self.rows.extend(page.rows);
            }
            Fill::Prepend => {
                self.at_start = !more;
                let mut rows = page.rows;
                rows.append(&mut self.rows);
                self.rows = rows;
                self.selected += n;
                self.top += n;
                self.first_pos = if self.at_start {
                    Some(0)
                } else {
                    self.first_pos.map(|p| p.saturating_sub(n))
                };
            }
        }
        let owed = std::mem::take(&mut self.owed);
        if owed != 0 {
            self.move_by(owed, visible);
        }
        self.scroll_to_cursor(visible);
        self.trim(visible);
    }

    /// Keeps the window at most four pages long, dropping rows far from the cursor.
    fn trim(&mut self, visible: usize) {
        let max = chunk(visible) * 4;
        if self.rows.len() <= max {
            return;
        }
        let excess = self.rows.len() - max;
        let margin = chunk(visible);
        let front = self.top.saturating_sub(margin).min(excess);
        if front > 0 {
            self.rows.drain(..front);
            self.selected -= front;
            self.top -= front;
            self.first_pos = self.first_pos.map(|p| p + front);
            self.at_start = false;
        }
        let keep = (self.top + visible + margin).max(max);
        if self.rows.len() > keep {
            self.rows.truncate(keep);
            self.at_end = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::SortValue;
    use chrono::NaiveDate;

    fn row(id: i64) -> CaseRow {
        let mut r = CaseRow {
            id,
            nomor: format!("{id:03}"),
            received: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            region: "64".into(),
            stage: "KAMPANYE".into(),
            type_group: "PIDANA".into(),
            status: "KAJIAN".into(),
            due: None,
            overdue: false,
            uraian: String::new(),
            new: false,
            cursor: Default::default(),
        };
        r.cursor.0 = Some(SortValue::Integer(id));
        r
    }

    /// A page of the cases with these ids, more following.
    fn page(ids: std::ops::Range<i64>, more: bool) -> Page {
        Page {
            rows: ids.map(row).collect(),
            more,
        }
    }

    #[test]
    fn the_window_grows_forward_and_the_cursor_waits_for_rows() {
        let mut l = CaseList::default();
        l.apply(Fill::Replace(Landing::First), page(1..41, true), None, 10);
        assert_eq!(l.position(), Some(1));
        l.move_by(25, 10);
        assert_eq!((l.selected(), l.top()), (25, 16));
        let (req, fill) = l.wants(10).expect("near the end of the window");
        assert_eq!((req.backward, fill.clone()), (false, Fill::Append));
        assert_eq!(req.anchor.map(|c| c.id), Some(40));
        l.move_by(30, 10);
        assert_eq!(l.selected(), 39, "the cursor stops at the last fetched row");
        l.apply(fill, page(41..81, true), None, 10);
        assert_eq!(l.selected(), 55, "and moves on when the rows arrive");
        assert_eq!(l.position(), Some(56));
    }

    #[test]
    fn cases_arriving_before_the_first_come_into_sight_above_the_cursor() {
        let mut l = CaseList::default();
        l.apply(Fill::Replace(Landing::First), page(1..41, true), None, 10);
        l.move_by(2, 10);
        assert_eq!((l.selected(), l.top()), (2, 0));
        let (req, fill) = l.reanchor(10, true);
        assert_eq!(req.anchor, None, "from the view's start");
        // Three cases arrived before the first: the cursor stays on its case, now three rows down.
        let rows: Vec<CaseRow> = [997, 998, 999].into_iter().chain(1..50).map(row).collect();
        l.apply(fill, Page { rows, more: true }, Some(0), 10);
        assert_eq!(l.selected_row().map(|r| r.id), Some(3));
        assert_eq!((l.selected(), l.top(), l.position()), (5, 0, Some(6)));
        assert_eq!(l.rows()[0].id, 997, "the new cases are on top, in sight");
    }

    #[test]
    fn reanchoring_keeps_the_case_and_the_top_row() {
        let mut l = CaseList::default();
        l.apply(Fill::Replace(Landing::First), page(1..41, true), None, 10);
        l.move_by(12, 10);
        l.move_by(-5, 10);
        assert_eq!((l.selected(), l.top()), (7, 3));
        let (req, fill) = l.reanchor(10, false);
        assert_eq!(
            req.anchor.as_ref().map(|c| c.id),
            Some(3),
            "just before the top row (id 4)"
        );
        // A case was inserted before the selected one: rows shift, but the cursor stays on id 8.
        let mut rows: Vec<CaseRow> = (4..8).map(row).collect();
        rows.push(row(999));
        rows.extend((8..60).map(row));
        l.apply(fill, Page { rows, more: true }, Some(3), 10);
        assert_eq!(l.selected_row().map(|r| r.id), Some(8));
        assert_eq!(l.position(), Some(9));
        assert_eq!(l.top(), 0, "the same row is on top");
    }

    #[test]
    fn the_last_page_knows_its_position_and_the_window_stays_small() {
        let mut l = CaseList::default();
        l.apply(
            Fill::Replace(Landing::Last),
            page(961..1001, true),
            Some(960),
            10,
        );
        assert_eq!(l.position(), Some(1000));
        assert!(l.to_last(10).is_none());
        for i in 0..10 {
            l.move_by(-40, 10);
            if let Some((_, fill)) = l.wants(10) {
                let end = 961 - 40 * i as i64;
                l.apply(
                    fill,
                    Page {
                        rows: (end - 40..end).map(row).collect(),
                        more: true,
                    },
                    None,
                    10,
                );
            }
        }
        assert!(l.rows().len() <= chunk(10) * 4);
        let sel = l.selected_row().map(|r| r.id).unwrap_or_default();
        assert_eq!(l.position(), Some(sel as usize));
    }
}
