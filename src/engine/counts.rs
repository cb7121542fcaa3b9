//! Counting: the headline figures of a meeting, the region table, counts by one dimension with
//! every known key (zeros included), and cross-tabs of two dimensions.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::{FollowUpStep, Source, Status, TypeGroup};
use crate::engine::dim::NO_STEP;
use crate::engine::sql::counts::{self as sql, Figures};
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::i18n::{Lang, Msg, tr};
use crate::view::View;

/// The figures a coordination meeting asks for first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// Every temuan and laporan, registered or not (the press's "pelanggaran").
    pub total: i64,
    pub temuan: i64,
    pub laporan: i64,
    pub registered: i64,
    /// Decided as a violation.
    pub violations: i64,
    pub not_violation: i64,
    /// Handling still going on.
    pub in_process: i64,
    /// Open and past its deadline.
    pub overdue: i64,
}

impl std::ops::AddAssign for Headline {
    fn add_assign(&mut self, o: Headline) {
        self.total += o.total;
        self.temuan += o.temuan;
        self.laporan += o.laporan;
        self.registered += o.registered;
        self.violations += o.violations;
        self.not_violation += o.not_violation;
        self.in_process += o.in_process;
        self.overdue += o.overdue;
    }
}

/// One row of the dashboard's region table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    pub figures: Headline,
}

/// Every figure of the dashboard for one view.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub headline: Headline,
    pub regions: Vec<RegionRow>,
    pub stages: Vec<Group>,
    pub types: Vec<Group>,
    pub statuses: Vec<Group>,
}

/// One group of a count by one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub count: i64,
}

/// One cell of a cross-tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cross {
    pub key: String,
    pub key2: String,
    pub count: i64,
}

/// Counts by some dimensions: the keys found, with their counts.
pub(crate) type Found = Vec<(Vec<String>, i64)>;

impl From<Figures> for Headline {
    fn from(f: Figures) -> Headline {
        let [
            total,
            temuan,
            laporan,
            registered,
            violations,
            not_violation,
            in_process,
            overdue,
        ] = f;
        Headline {
            total,
            temuan,
            laporan,
            registered,
            violations,
            not_violation,
            in_process,
            overdue,
        }
    }
}

impl Engine<'_> {
    /// The headline figures of `view`.
    pub fn headline(&self, view: &View) -> Result<Headline> {
        if let Some(pass) = self.index_pass(view) {
            return pass.map(|p| p.headline);
        }
        sql::headline(self.store, view, self.dates(view)).map(Headline::from)
    }

    /// The region table: every region in display order (zeros included) with its figures.
    pub fn region_table(&self, view: &View, lang: Lang) -> Result<Vec<RegionRow>> {
        if let Some(pass) = self.index_pass(view) {
            let pass = pass?;
            return Ok(self.region_rows(&pass.regions, lang));
        }
        let found = sql::headline_by_region(self.store, view, self.dates(view))?;
        Ok(self
            .reference
            .regions
            .iter()
            .map(|r| RegionRow {
                code: r.code.clone(),
                name: r.display_name(lang),
                figures: found
                    .get(&r.code)
                    .copied()
                    .map(Headline::from)
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// Every figure of the dashboard for `view`: the headline, the region table and the counts by
    /// stage, type and status; from one pass over the column index when one is loaded.
    pub fn dashboard(&self, view: &View, lang: Lang) -> Result<Dashboard> {
        let Some(pass) = self.index_pass(view) else {
            return Ok(Dashboard {
                headline: self.headline(view)?,
                regions: self.region_table(view, lang)?,
                stages: self.group(view, Dim::Stage, lang)?,
                types: self.group(view, Dim::Type, lang)?,
                statuses: self.group(view, Dim::Status, lang)?,
            });
        };
        let pass = pass?;
        let found = |dim: Dim, counts: &[i64]| -> Found {
            let keys = self.keys(dim, std::iter::empty());
            keys.into_iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|((k, _), n)| (vec![k], *n))
                .collect()
        };
        Ok(Dashboard {
            headline: pass.headline,
            regions: self.region_rows(&pass.regions, lang),
            stages: self.group_from(found(Dim::Stage, &pass.stages), Dim::Stage, lang),
            types: self.group_from(found(Dim::Type, &pass.types), Dim::Type, lang),
            statuses: self.group_from(found(Dim::Status, &pass.statuses), Dim::Status, lang),
        })
    }

    /// The region table from figures in reference order.
    fn region_rows(&self, figures: &[Headline], lang: Lang) -> Vec<RegionRow> {
        self.reference
            .regions
            .iter()
            .zip(figures)
            .map(|(r, f)| RegionRow {
                code: r.code.clone(),
                name: r.display_name(lang),
                figures: *f,
            })
            .collect()
    }

    /// Counts of `view` by `dim`, every known key in display order, zeros included.
    pub fn group(&self, view: &View, dim: Dim, lang: Lang) -> Result<Vec<Group>> {
        let found = self.count_by(view, &[dim])?;
        Ok(self.group_from(found, dim, lang))
    }

    /// Groups of every known key of `dim` from the keys found with their counts.
    fn group_from(&self, found: Found, dim: Dim, lang: Lang) -> Vec<Group> {
        let counts: HashMap<&str, i64> = found.iter().map(|(k, n)| (k[0].as_str(), *n)).collect();
        let keys = self.keys(dim, found.iter().map(|(k, _)| k[0].as_str()));
        keys.into_iter()
            .map(|(key, label)| Group {
                count: counts.get(key.as_str()).copied().unwrap_or(0),
                key,
                label,
            })
            .map(|g| Group {
                label: self.label(dim, &g.key, lang).unwrap_or(g.label),
                ..g
            })
            .collect()
    }

    /// A cross-tab of `view` by two dimensions: every pair of known keys, zeros included.
    pub fn cross(&self, view: &View, dims: (Dim, Dim)) -> Result<Vec<Cross>> {
        let found = self.count_by(view, &[dims.0, dims.1])?;
        let counts: HashMap<(&str, &str), i64> = found
            .iter()
            .map(|(k, n)| ((k[0].as_str(), k[1].as_str()), *n))
            .collect();
        let keys1 = self.keys(dims.0, found.iter().map(|(k, _)| k[0].as_str()));
        let keys2 = self.keys(dims.1, found.iter().map(|(k, _)| k[1].as_str()));
        let mut out = Vec::with_capacity(keys1.len() * keys2.len());
        for (a, _) in &keys1 {
            for (b, _) in &keys2 {
                let count = counts.get(&(a.as_str(), b.as_str())).copied().unwrap_or(0);
                out.push(Cross {
                    key: a.clone(),
                    key2: b.clone(),
                    count,
                });
            }
        }
        Ok(out)
    }

    /// Raw counts grouped by the given dimensions.
    fn count_by(&self, view: &View, dims: &[Dim]) -> Result<Found> {
        if let Some(found) = self.index_count_by(view, dims) {
            return found;
        }
        sql::count_by(self.store, view, self.dates(view), dims)
    }

    /// Every known key of a dimension in display order, with an English label; for weeks, every
    /// week from the first to the last found.
    fn keys<'a>(&self, dim: Dim, found: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
        let pairs = |v: Vec<(&str, &str)>| {
            v.into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        match dim {
            Dim::Region => self
                .reference
                .regions
                .iter()
                .map(|r| (r.code.clone(), r.display_name(Lang::En)))
                .collect(),
            Dim::Stage => self
                .reference
                .stages
                .iter()
                .map(|s| (s.code.clone(), s.name_en.clone()))
                .collect(),
            Dim::Type => pairs(
                TypeGroup::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            Dim::Status => pairs(
                Status::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            Dim::Source => pairs(
                Source::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            Dim::FollowUp => pairs(
                FollowUpStep::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .chain([(NO_STEP, tr(Lang::En, Msg::NoStepYet))])
                    .collect(),
            ),
            Dim::Week => {
                let weeks: Vec<NaiveDate> = found.filter_map(|k| k.parse().ok()).collect();
                let (Some(first), Some(last)) = (weeks.iter().min(), weeks.iter().max()) else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                let mut w = *first;
                while w <= *last {
                    out.push((w.to_string(), w.to_string()));
                    w += Duration::days(7);
                }
                out
            }
        }
    }

    /// The label of a key of `dim` in `lang`.
    pub fn label(&self, dim: Dim, key: &str, lang: Lang) -> Option<String> {
        match dim {
            Dim::Region => self.reference.region(key).map(|r| r.display_name(lang)),
            Dim::Stage => self.reference.stage(key).map(|s| s.name(lang).to_string()),
            Dim::Type => TypeGroup::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::Status => Status::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::Source => Source::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::FollowUp if key == NO_STEP => Some(tr(lang, Msg::NoStepYet).to_string()),
            Dim::FollowUp => FollowUpStep::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::Week => key
                .parse::<NaiveDate>()
                .ok()
                .map(|d| crate::domain::pekan::day_range(lang, d, d + chrono::Duration::days(6))),
        }
    }
}
