//! Change marks: which counts changed at the last refreshes, by how much and since when, so the
//! screen can show `▲2` for a while. Pure state fed by the app's clock; no drawing, no queries.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::engine::{Dim, Group, Headline};
use crate::tui::data::Counts;

/// How long a mark stays on screen.
pub const MARK_FOR: Duration = Duration::seconds(60);

/// The figures of a region-table row, in column order.
pub const COLUMNS: usize = 7;

/// The columns of a region-table row.
pub fn figures(h: &Headline) -> [i64; COLUMNS] {
    [
        h.total,
        h.temuan,
        h.laporan,
        h.registered,
        h.violations,
        h.in_process,
        h.overdue,
    ]
}

/// A cell that can carry a mark.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// A figure of the region table; the code `""` is the total row.
    Region { code: String, column: usize },
    /// A count by stage, type or status.
    Group { dim: Dim, key: String },
}

/// A change: the sum of the deltas seen lately, and when the last one was seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub delta: i64,
    pub since: NaiveDateTime,
}

impl Mark {
    /// `▲2` or `▼1`.
    pub fn text(&self) -> String {
        if self.delta > 0 {
            format!("▲{}", self.delta)
        } else {
            format!("▼{}", -self.delta)
        }
    }
}

/// The marks on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    cells: HashMap<Cell, Mark>,
}

impl Marks {
    /// Records the differences between two answers for the same view.
    pub fn record(&mut self, old: &Counts, new: &Counts, now: NaiveDateTime) {
        let mut changed = Vec::new();
        let mut old_rows: HashMap<&str, [i64; COLUMNS]> = old
            .regions
            .iter()
            .map(|r| (r.code.as_str(), figures(&r.figures)))
            .collect();
        old_rows.insert("", figures(&old.headline));
        let new_rows = new
            .regions
            .iter()
            .map(|r| (r.code.as_str(), figures(&r.figures)));
        for (code, after) in new_rows.chain(std::iter::once(("", figures(&new.headline)))) {
            let before = old_rows.get(code).copied().unwrap_or_default();
            for column in 0..COLUMNS {
                changed.push((
                    Cell::Region {
                        code: code.to_string(),
                        column,
                    },
                    after[column] - before[column],
                ));
            }
        }
        for (dim, a, b) in [
            (Dim::Stage, &old.stages, &new.stages),
            (Dim::Type, &old.types, &new.types),
            (Dim::Status, &old.statuses, &new.statuses),
        ] {
            let before: HashMap<&str, i64> = a
                .iter()
                .map(|g: &Group| (g.key.as_str(), g.count))
                .collect();
            for g in b {
                changed.push((
                    Cell::Group {
                        dim,
                        key: g.key.clone(),
                    },
                    g.count - before.get(g.key.as_str()).copied().unwrap_or(0),
                ));
            }
        }
        for (cell, delta) in changed.into_iter().filter(|(_, d)| *d != 0) {
            let total = self.cells.get(&cell).map_or(0, |m| m.delta) + delta;
            if total == 0 {
                self.cells.remove(&cell);
            } else {
                self.cells.insert(
                    cell,
                    Mark {
                        delta: total,
                        since: now,
                    },
                );
            }
        }
    }

    /// Forgets marks older than [`MARK_FOR`]; whether any went.
    pub fn expire(&mut self, now: NaiveDateTime) -> bool {
        let before = self.cells.len();
        self.cells.retain(|_, m| now - m.since < MARK_FOR);
        before != self.cells.len()
    }

    /// Forgets every mark (the view changed, so the counts are not comparable).
    pub fn clear(&mut self) {
        self.cells.clear();
    }

    /// The mark of a cell.
    pub fn get(&self, cell: &Cell) -> Option<Mark> {
        self.cells.get(cell).copied()
    }

    /// The mark of a region-table figure.
    pub fn region(&self, code: &str, column: usize) -> Option<Mark> {
        self.get(&Cell::Region {
            code: code.to_string(),
            column,
        })
    }

    /// The mark of a count by stage, type or status.
    pub fn group(&self, dim: Dim, key: &str) -> Option<Mark> {
        self.get(&Cell::Group {
            dim,
            key: key.to_string(),
        })
    }

    /// Whether there is no mark.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// How many cells carry a mark.
    pub fn len(&self) -> usize {
        self.cells.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RegionRow;

    fn counts(samarinda: i64, kampanye: i64) -> Counts {
        let h = Headline {
            total: samarinda,
            temuan: samarinda,
            ..Headline::default()
        };
        Counts {
            headline: h,
            regions: vec![RegionRow {
                code: "64.72".into(),
                name: "Samarinda".into(),
                figures: h,
                drill: None,
            }],
            stages: vec![Group {
                key: "KAMPANYE".into(),
                label: String::new(),
                count: kampanye,
            }],
            types: vec![],
            statuses: vec![],
            area: Default::default(),
            campaign: Default::default(),
            held: vec![],
            calendar: None,
        }
    }

    fn at(s: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_706_860_000 + s, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    #[test]
    fn a_change_is_marked_adds_up_and_fades_after_a_minute() {
        let mut m = Marks::default();
        m.record(&counts(4, 22), &counts(6, 23), at(0));
        assert_eq!(m.region("64.72", 0).map(|k| k.text()), Some("▲2".into()));
        assert_eq!(m.region("", 0).map(|k| k.delta), Some(2));
        assert_eq!(m.group(Dim::Stage, "KAMPANYE").map(|k| k.delta), Some(1));
        m.record(&counts(6, 23), &counts(5, 23), at(30));
        assert_eq!(m.region("64.72", 0).map(|k| k.delta), Some(1));
        assert!(m.expire(at(70)), "the stage mark is 70 s old");
        assert!(m.group(Dim::Stage, "KAMPANYE").is_none());
        assert_eq!(
            m.region("64.72", 0).map(|k| k.delta),
            Some(1),
            "the region mark is 40 s old"
        );
        assert!(m.expire(at(91)));
        assert!(m.is_empty());
    }
}
