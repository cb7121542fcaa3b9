//! Counts answered from the column index: one pass over the cases of a view fills every figure a
//! screen needs. Each function returns `None` when there is no index or the view needs SQL.

use std::collections::HashMap;

use crate::domain::{Phase, Status, TypeGroup};
use crate::engine::counts::{Found, Headline};
use crate::engine::index::{CaseIndex, Day, LAPORAN, from_day, to_day};
use crate::engine::scan::{FilterError, Hit, Scanner};
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::view::View;

/// The figures of one view from one pass: the headline, per region (in reference order), and
/// counts by stage, type group and status (by index).
pub(crate) struct Pass {
    pub headline: Headline,
    pub regions: Vec<Headline>,
    pub stages: Vec<i64>,
    pub types: Vec<i64>,
    pub statuses: Vec<i64>,
}

/// Adds one case to headline figures.
struct Tally {
    closed: Vec<bool>,
    violation: u8,
    not_violation: u8,
}

impl Tally {
    fn new() -> Tally {
        let at = |s: Status| {
            Status::ALL
                .iter()
                .position(|x| *x == s)
                .and_then(|p| u8::try_from(p).ok())
                .unwrap_or(u8::MAX)
        };
        Tally {
            closed: Status::ALL
                .iter()
                .map(|s| s.phase() == Phase::Closed)
                .collect(),
            violation: at(Status::Pelanggaran),
            not_violation: at(Status::BukanPelanggaran),
        }
    }

    fn add(&self, h: &mut Headline, ix: &CaseIndex, hit: &Hit) {
        let laporan = ix.flags[hit.pos] & LAPORAN != 0;
        h.total += 1;
        h.temuan += i64::from(!laporan);
        h.laporan += i64::from(laporan);
        h.registered += i64::from(hit.registered);
        h.violations += i64::from(hit.status == self.violation);
        h.not_violation += i64::from(hit.status == self.not_violation);
        h.in_process += i64::from(!self.closed[usize::from(hit.status)]);
        h.overdue += i64::from(hit.overdue);
    }
}

/// Below this many cases one thread scans; above it, one per core (at most four).
pub(crate) const PARALLEL_FROM: usize = 100_000;

impl Engine<'_> {
    /// The view compiled over the index, or `None` when there is no index or the view needs SQL.
    pub(crate) fn scanner(&self, view: &View) -> Option<Result<Scanner<'_>>> {
        let (ix, dues) = self.index.as_ref()?;
        match Scanner::new(ix, dues, &self.rules, view, self.dates(view), self.store) {
            Ok(s) => Some(Ok(s)),
            Err(FilterError::NotIndexable(_)) => None,
            Err(FilterError::Sql(e)) => Some(Err(e)),
        }
    }

    /// Folds every case of `view` into accumulators, one per thread; the caller merges them.
    pub(crate) fn fold<A: Send>(
        &self,
        view: &View,
        init: impl Fn() -> A + Sync,
        step: impl Fn(&mut A, &CaseIndex, &Hit) + Sync,
    ) -> Option<Result<Vec<A>>> {
        self.fold_in(view, false, init, step)
    }

    /// [`Engine::fold`], each thread walking its part from the end when `reverse` (a page in
    /// descending order then meets its best rows first and keeps far fewer).
    pub(crate) fn fold_in<A: Send>(
        &self,
        view: &View,
        reverse: bool,
        init: impl Fn() -> A + Sync,
        step: impl Fn(&mut A, &CaseIndex, &Hit) + Sync,
    ) -> Option<Result<Vec<A>>> {
        let scanner = match self.scanner(view)? {
            Ok(s) => s,
            Err(e) => return Some(Err(e)),
        };
        let n = scanner.len();
        let threads = if n < self.parallel_from {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |p| p.get().clamp(2, 4))
        };
        let run = |range: std::ops::Range<usize>| {
            let mut acc = init();
            let ix = scanner.index();
            if reverse {
                for pos in range.rev() {
                    if let Some(hit) = scanner.hit(pos) {
                        step(&mut acc, ix, &hit);
                    }
                }
            } else {
                scanner.each_in(range, |hit| step(&mut acc, ix, hit));
            }
            acc
        };
        if threads == 1 {
            return Some(Ok(vec![run(0..n)]));
        }
        let chunk = n.div_ceil(threads);
        let accs = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let run = &run;
                    s.spawn(move || run(t * chunk..((t + 1) * chunk).min(n)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        Some(Ok(accs))
    }

    /// Every figure of the dashboard in one pass over the index.
    pub(crate) fn index_pass(&self, view: &View) -> Option<Result<Pass>> {
        let (ix, _) = self.index.as_ref()?;
        let tally = Tally::new();
        let (regions, stages) = (ix.regions.len(), ix.stages.len());
        let empty = || Pass {
            headline: Headline::default(),
            regions: vec![Headline::default(); regions],
            stages: vec![0; stages],
            types: vec![0; TypeGroup::ALL.len()],
            statuses: vec![0; Status::ALL.len()],
        };
        let parts = self.fold(view, empty, |pass, ix, hit| {
            let region = ix
                .handling
                .get(usize::from(hit.office))
                .copied()
                .unwrap_or(0);
            tally.add(&mut pass.regions[usize::from(region)], ix, hit);
            pass.stages[usize::from(ix.stage[hit.pos])] += 1;
            pass.types[usize::from(hit.type_group)] += 1;
            pass.statuses[usize::from(hit.status)] += 1;
        })?;
        Some(parts.map(|parts| {
            let mut total = empty();
            for p in parts {
                for (a, b) in total.regions.iter_mut().zip(p.regions) {
                    *a += b;
                }
                let add =
                    |a: &mut Vec<i64>, b: Vec<i64>| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                add(&mut total.stages, p.stages);
                add(&mut total.types, p.types);
                add(&mut total.statuses, p.statuses);
            }
            for r in &total.regions {
                total.headline += *r;
            }
            total
        }))
    }

    /// The headline figures of `view` by each key of `dim` its cases have, from the index;
    /// `None` when there is no index, the view needs SQL, or the index does not hold `dim`.
    pub(crate) fn index_headline_by(
        &self,
        view: &View,
        dim: Dim,
    ) -> Option<Result<HashMap<String, Headline>>> {
        let (ix, _) = self.index.as_ref()?;
        if !matches!(dim, Dim::Region | Dim::Province | Dim::Kecamatan) {
            return None;
        }
        // The key of each small number of the dimension.
        let n = usize::try_from(cardinality(dim, ix)).unwrap_or(0);
        let keys: Vec<String> = (0..n)
            .map(|v| key_text(dim, ix, u32::try_from(v).unwrap_or(u32::MAX)))
            .collect();
        let tally = Tally::new();
        let parts = self.fold(
            view,
            || vec![Headline::default(); n],
            |t, ix, hit| {
                let k = small_key(dim, ix, hit, &[]);
                if let Some(h) = usize::try_from(k).ok().and_then(|k| t.get_mut(k)) {
                    tally.add(h, ix, hit);
                }
            },
        )?;
        Some(parts.map(|parts| {
            let mut out: HashMap<String, Headline> = HashMap::new();
            for p in parts {
                for (k, h) in keys.iter().zip(p) {
                    if h.total > 0 {
                        *out.entry(k.clone()).or_default() += h;
                    }
                }
            }
            out
        }))
    }

    /// Counts of `view` grouped by `dims` from the index: the keys found, with their counts.
    /// Counts go into a dense table when the keys allow (always for one dimension), else a map.
    pub(crate) fn index_count_by(&self, view: &View, dims: &[Dim]) -> Option<Result<Found>> {
        // The index holds no steps after forwarding: SQL counts by them.
        if dims.contains(&Dim::FollowUp) {
            return None;
        }
        let (ix, _) = self.index.as_ref()?;
        let pekan = if dims.contains(&Dim::Pekan) {
            PekanDays::of_elections(&self.reference, ix)?
        } else {
            Vec::new()
        };
        let pekan = pekan.as_slice();
        let sizes: Vec<u64> = dims.iter().map(|d| cardinality(*d, ix)).collect();
        let slots = sizes.iter().product::<u64>();
        let pack = |ix: &CaseIndex, hit: &Hit| {
            dims.iter().zip(&sizes).fold(0u64, |k, (d, size)| {
                k * size + u64::from(small_key(*d, ix, hit, pekan))
            })
        };
        let found: Vec<(u64, i64)> = if slots <= DENSE_SLOTS {
            let len = usize::try_from(slots).unwrap_or(0);
            let parts = self.fold(
                view,
                || vec![0i64; len],
                |t, ix, hit| t[usize::try_from(pack(ix, hit)).unwrap_or(0)] += 1,
            )?;
            match parts {
                Err(e) => return Some(Err(e)),
                Ok(parts) => {
                    let mut total = vec![0i64; len];
                    for p in parts {
                        total.iter_mut().zip(p).for_each(|(a, b)| *a += b);
                    }
                    (0u64..).zip(total).filter(|(_, n)| *n > 0).collect()
                }
            }
        } else {
            let parts = self.fold(view, HashMap::<u64, i64>::new, |m, ix, hit| {
                *m.entry(pack(ix, hit)).or_insert(0) += 1
            })?;
            match parts {
                Err(e) => return Some(Err(e)),
                Ok(parts) => {
                    let mut total: HashMap<u64, i64> = HashMap::new();
                    for p in parts {
                        for (k, n) in p {
                            *total.entry(k).or_insert(0) += n;
                        }
                    }
                    total.into_iter().collect()
                }
            }
        };
        // A key a dimension does not count drops the case, as SQL's `IS NOT NULL` does.
        let counted = |mut k: u64| {
            dims.iter().zip(&sizes).rev().all(|(d, size)| {
                let v = k % size;
                k /= size;
                *d != Dim::Violation || v != u64::from(NO_KEY)
            })
        };
        // Two small keys may be one key (the campaign stage of two elections): added together.
        let mut merged: HashMap<Vec<String>, i64> = HashMap::new();
        for (mut k, n) in found.into_iter().filter(|(k, _)| counted(*k)) {
            let mut keys = vec![String::new(); dims.len()];
            for (i, (d, size)) in dims.iter().zip(&sizes).enumerate().rev() {
                keys[i] = key_text(*d, ix, u32::try_from(k % size).unwrap_or(0));
                k /= size;
            }
            *merged.entry(keys).or_insert(0) += n;
        }
        Some(Ok(merged.into_iter().collect()))
    }
}

/// The campaign's days as the index counts them, for [`Dim::Pekan`]: first and last day and the
/// number of pekan (none: every case is outside, key 0).
#[derive(Clone, Copy)]
struct PekanDays {
    first: Day,
    last: Day,
    count: u32,
}

impl PekanDays {
    const NONE: PekanDays = PekanDays {
        first: 1,
        last: 0,
        count: 0,
    };

    /// The campaign of each election of `ix` (by its number there), each case's pekan being one
    /// of its own election's campaign; `None` when the index cannot count one: SQL answers then.
    fn of_elections(
        reference: &crate::domain::Reference,
        ix: &CaseIndex,
    ) -> Option<Vec<PekanDays>> {
        ix.elections
            .iter()
            .map(|code| match reference.election(code) {
                Some(e) => PekanDays::of(e.campaign_period()),
                None => Some(PekanDays::NONE),
            })
            .collect()
    }

    /// `campaign` in days; `None` when the index cannot count it (its dates out of the index's
    /// range, or more pekan than a small key holds).
    fn of(campaign: Option<crate::domain::CampaignPeriod>) -> Option<PekanDays> {
        let Some(c) = campaign else {
            return Some(PekanDays::NONE);
        };
        let count = c.count();
        (count < 256).then_some(())?;
        Some(PekanDays {
            first: to_day(c.starts)?,
            last: to_day(c.ends)?,
            count,
        })
    }

    /// The pekan of a received day, 0 outside the campaign.
    #[inline]
    fn number(self, d: Day) -> u32 {
        if d < self.first || d > self.last {
            0
        } else {
            (u32::from(d - self.first) / 7 + 1).min(self.count)
        }
    }
}

/// The largest dense count table (per thread), in slots.
const DENSE_SLOTS: u64 = 1 << 20;

/// How many small keys a dimension has at most.
fn cardinality(dim: Dim, ix: &CaseIndex) -> u64 {
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    match dim {
        // Offices, and (last) a case naming no kecamatan.
        Dim::Region | Dim::Province | Dim::Kecamatan => count(ix.regions.len() + 1),
        Dim::Desa => count(ix.desa_codes.len() + 1),
        Dim::Stage
        | Dim::Type
        | Dim::Status
        | Dim::Violation
        | Dim::Pekan
        | Dim::Election
        | Dim::Contest => 256,
        Dim::Source | Dim::FollowUp => 2,
        // Shifted Mondays of the 16-bit day range.
        Dim::Week => (1 << 16) + 8,
    }
}

/// The small key of a case a dimension does not count (a case not decided PELANGGARAN among
/// the types of violations).
const NO_KEY: u32 = 255;

/// The position of PELANGGARAN in `Status::ALL`.
fn violation() -> u8 {
    Status::ALL
        .iter()
        .position(|s| *s == Status::Pelanggaran)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(u8::MAX)
}

/// A dimension's value of one case as a small number.
fn small_key(dim: Dim, ix: &CaseIndex, hit: &Hit, pekan: &[PekanDays]) -> u32 {
    match dim {
        Dim::Election => u32::from(ix.election_number(hit.pos)),
        Dim::Contest => u32::from(ix.contest[hit.pos]),
        Dim::Region => u32::from(
            ix.handling
                .get(usize::from(hit.office))
                .copied()
                .unwrap_or(0),
        ),
        Dim::Province => u32::from(hit.office),
        Dim::Kecamatan => match ix.kecamatan_of(hit.pos) {
            crate::engine::index::NO_KECAMATAN => u32::try_from(ix.regions.len()).unwrap_or(0),
            k => u32::from(k),
        },
        Dim::Desa => match ix.desa_of(hit.pos) {
            crate::engine::index::NO_DESA => u32::try_from(ix.desa_codes.len()).unwrap_or(0),
            d => d,
        },
        Dim::Stage => u32::from(ix.stage[hit.pos]),
        Dim::Type => u32::from(hit.type_group),
        Dim::Violation if hit.status == violation() => u32::from(hit.type_group),
        Dim::Violation => NO_KEY,
        Dim::Status => u32::from(hit.status),
        Dim::Source => u32::from(ix.flags[hit.pos] & LAPORAN),
        // Never asked of the index (see `index_count_by`).
        Dim::FollowUp => 0,
        // The Monday on or before the received day (1970-01-01 was a Thursday).
        Dim::Week => {
            let d = u32::from(ix.received[hit.pos]);
            d + 7 - (d + 3) % 7
        }
        Dim::Pekan => pekan
            .get(usize::from(ix.election_number(hit.pos)))
            .map_or(0, |p| p.number(ix.received[hit.pos])),
    }
}

/// The key text of a small number (as SQL would give it).
fn key_text(dim: Dim, ix: &CaseIndex, v: u32) -> String {
    let at = |all: &[String]| all.get(v as usize).cloned().unwrap_or_default();
    match dim {
        Dim::Election => at(&ix.elections),
        Dim::Contest => ix
            .contests
            .get(v as usize)
            .cloned()
            .unwrap_or_else(|| crate::engine::dim::NO_CONTEST.to_string()),
        Dim::Region => at(&ix.regions),
        Dim::Stage => at(&ix.stages),
        Dim::Type | Dim::Violation => TypeGroup::ALL
            .get(v as usize)
            .map(|t| t.code().to_string())
            .unwrap_or_default(),
        Dim::Status => Status::ALL
            .get(v as usize)
            .map(|t| t.code().to_string())
            .unwrap_or_default(),
        Dim::Source => if v == 0 { "temuan" } else { "laporan" }.to_string(),
        Dim::FollowUp => crate::engine::dim::NO_STEP.to_string(),
        Dim::Province => ix.regions.get(v as usize).map_or_else(String::new, |r| {
            crate::domain::Reference::province_of(r)
                .unwrap_or(crate::domain::wilayah::RI)
                .to_string()
        }),
        Dim::Kecamatan => ix
            .regions
            .get(v as usize)
            .cloned()
            .unwrap_or_else(|| crate::engine::dim::NO_PLACE.to_string()),
        Dim::Desa => ix
            .desa_codes
            .get(v as usize)
            .cloned()
            .unwrap_or_else(|| crate::engine::dim::NO_PLACE.to_string()),
        Dim::Week => {
            // Stored shifted by a week so that days before the first Monday stay unsigned.
            let day = u16::try_from(v.saturating_sub(7)).unwrap_or(u16::MAX);
            from_day(day).to_string()
        }
        Dim::Pekan => v.to_string(),
    }
}
