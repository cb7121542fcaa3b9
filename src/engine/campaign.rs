//! The campaign figures of a view (cases per pekan and type, cumulative, against the activities
//! supervised each pekan; per region against activities; the press-release totals), from the
//! engine's public counts and the activities the office entered. No drawing. The campaign, its
//! pekan and its activities are those of the election in view (`Engine::election_in_view`): two
//! elections' pekan do not add up.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::TypeGroup;
use crate::domain::{CAMPAIGN, CampaignPeriod, Election, Pekan, Reference};
use crate::engine::summary::{Summary, Wanted};
use crate::engine::{Dim, Engine, OUTSIDE_CAMPAIGN};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::activities::Activities;
use crate::view::{Term, TermKind, View};

/// One pekan of the campaign: its cases by type and since the campaign began, and the activities
/// supervised in it and since the campaign began (in the view's regions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PekanFigures {
    pub pekan: Pekan,
    /// Cases received that pekan.
    pub cases: i64,
    /// Those cases by type group, in the order of [`TypeGroup::ALL`], when the table was made
    /// with them ([`pekan_table`]).
    pub by_type: Option<[i64; TypeGroup::ALL.len()]>,
    /// Cases received from the campaign's first day to this pekan's last.
    pub cases_cumulative: i64,
    /// Activities supervised that pekan (none counted for a pekan not begun by the as-of date).
    pub activities: i64,
    pub activities_cumulative: i64,
    /// Activities that pekan per region (code), the busiest first; regions without any left out.
    pub busiest: Vec<(String, i64)>,
    /// Whether the pekan has begun by the as-of date (a pekan's figures are reported as it runs:
    /// the 9 Feb 2024 release counted pekan 10, which ran to 10 Feb).
    pub begun: bool,
}

/// A view's cases by pekan of the campaign, every pekan present, and the cases received outside
/// the campaign counted apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PekanTable {
    pub period: Option<CampaignPeriod>,
    pub pekan: Vec<PekanFigures>,
    /// Cases of the view received before or after the campaign.
    pub outside: i64,
    /// Those by type group, as [`PekanFigures::by_type`].
    pub outside_by_type: Option<[i64; TypeGroup::ALL.len()]>,
}

/// One region: its campaign cases and the activities supervised there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionFigures {
    pub code: String,
    pub cases: i64,
    pub activities: Activities,
}

/// The campaign figures of one view at one date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Campaign {
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    /// The campaign-stage cases of the view per pekan, and those received outside the campaign.
    pub pekan: PekanTable,
    /// The regions the view admits, in display order.
    pub regions: Vec<RegionFigures>,
    /// The view's cases in the campaign stage.
    pub cases: i64,
    /// The activities supervised in those regions up to the as-of date.
    pub activities: Activities,
}

/// The campaign of the primary election of `reference` (Pemilu 2024), for what knows no view;
/// commands and screens ask [`election`] and take its campaign.
pub fn period(reference: &Reference) -> Option<CampaignPeriod> {
    reference.campaign_period()
}

/// The campaign of `election`: its campaign stage's dates, if it has both. Its pekan are counted
/// from its first day.
pub fn period_of(election: &Election) -> Option<CampaignPeriod> {
    election.campaign_period()
}

/// The election whose campaign frames `view`'s figures in `engine`: the election in view
/// ([`Engine::election_in_view`]) on the view's as-of date.
pub fn election<'e>(engine: &'e Engine<'_>, view: &View) -> Result<Option<&'e Election>> {
    engine.election_in_view(view)
}

/// Cases per 1,000 activities, if there were activities.
pub fn per_thousand(cases: i64, activities: i64) -> Option<f64> {
    (activities > 0).then(|| cases as f64 * 1000.0 / activities as f64)
}

/// `view` narrowed to the campaign stage (on top of whatever it already asks): the stage of
/// that code in each election the view covers.
pub fn campaign_view(view: &View) -> View {
    campaign_view_of(view, CAMPAIGN)
}

/// `view` narrowed to the stage `stage` (an election's `campaign_stage`).
pub fn campaign_view_of(view: &View, stage: &str) -> View {
    let mut v = view.clone();
    v.terms.push(Term {
        negated: false,
        kind: TermKind::Stage(vec![stage.to_string()]),
    });
    v
}

/// Whether `view`'s region terms admit the region `code`.
pub fn admits_region(view: &View, code: &str) -> bool {
    view.terms.iter().all(|t| match &t.kind {
        TermKind::Region(codes) => codes.iter().any(|c| c == code) != t.negated,
        _ => true,
    })
}

/// The cases of `view` (as given: it is not narrowed to the campaign stage) per pekan of the
/// campaign of the election in view and type, with that election's activities supervised each
/// pekan in the regions the view admits.
pub fn pekan_table(engine: &Engine<'_>, view: &View) -> Result<PekanTable> {
    let cross = engine.cross(view, (Dim::Pekan, Dim::Type))?;
    let counts = cross.into_iter().filter_map(|c| {
        let t = TypeGroup::ALL.iter().position(|g| g.code() == c.key2)?;
        Some((c.key, Some(t), c.count))
    });
    pekan_table_of(engine, view, true, counts)
}

/// The pekan table of `view` without the split by type (a report prints none), with the
/// summary it comes from: its total, and its headline when `wanted`. From SQL in one pass.
pub fn pekan_report(
    engine: &Engine<'_>,
    view: &View,
    wanted: Wanted,
) -> Result<(PekanTable, Summary)> {
    let summary = engine.summary(view, (Dim::Pekan, None), wanted, crate::i18n::Lang::En)?;
    let counts = summary
        .groups
        .iter()
        .map(|g| (g.key.clone(), None, g.count));
    let table = pekan_table_of(engine, view, false, counts)?;
    Ok((table, summary))
}

/// The pekan table of `view` from its counts by pekan key (and, when `split`, type group: its
/// position in [`TypeGroup::ALL`]).
fn pekan_table_of(
    engine: &Engine<'_>,
    view: &View,
    split: bool,
    counts: impl Iterator<Item = (String, Option<usize>, i64)>,
) -> Result<PekanTable> {
    let Some(election) = election(engine, view)? else {
        return Ok(PekanTable::default());
    };
    let Some(period) = period_of(election) else {
        return Ok(PekanTable::default());
    };
    let as_of = engine.dates(view).as_of;
    // Cases, and cases by type group, per pekan number; 0 for outside the campaign.
    let mut found: HashMap<u32, (i64, [i64; TypeGroup::ALL.len()])> = HashMap::new();
    for (key, t, count) in counts {
        let n = match key.parse::<u32>() {
            Ok(n) if key != OUTSIDE_CAMPAIGN => n,
            _ => 0,
        };
        let (cases, by_type) = found.entry(n).or_default();
        *cases += count;
        if let Some(t) = t {
            by_type[t] += count;
        }
    }
    let of = |n: u32| -> (i64, Option<[i64; TypeGroup::ALL.len()]>) {
        let (cases, by_type) = found.get(&n).copied().unwrap_or_default();
        (cases, split.then_some(by_type))
    };
    let begun = u32::try_from(period.begun_by(as_of).len()).unwrap_or(0);
    // Activities per pekan and region, in the regions the view admits.
    let mut acts: HashMap<u32, HashMap<String, i64>> = HashMap::new();
    if begun > 0 {
        for r in engine.store().activity_rows(&election.code, 1..=begun)? {
            if admits_region(view, &r.region) {
                *acts
                    .entry(r.pekan)
                    .or_default()
                    .entry(r.region)
                    .or_default() += r.count;
            }
        }
    }
    let (mut cases_so_far, mut acts_so_far) = (0, 0);
    let pekan = period
        .all()
        .into_iter()
        .map(|p| {
            let (cases, by_type) = of(p.number);
            let mut busiest: Vec<(String, i64)> = acts
                .get(&p.number)
                .map(|m| {
                    m.iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(k, n)| (k.clone(), *n))
                        .collect()
                })
                .unwrap_or_default();
            let position = |code: &str| {
                engine
                    .reference()
                    .region(code)
                    .map_or(i64::MAX, |r| r.position)
            };
            busiest.sort_by_key(|(code, n)| (-n, position(code)));
            let activities: i64 = busiest.iter().map(|(_, n)| n).sum();
            cases_so_far += cases;
            acts_so_far += activities;
            PekanFigures {
                pekan: p,
                cases,
                by_type,
                cases_cumulative: cases_so_far,
                activities,
                activities_cumulative: acts_so_far,
                busiest,
                begun: p.starts <= as_of,
            }
        })
        .collect();
    let (outside, outside_by_type) = of(0);
    Ok(PekanTable {
        period: Some(period),
        pekan,
        outside,
        outside_by_type,
    })
}

/// The campaign figures of `view` (its as-of date set) from the engine: the campaign of the
/// election in view.
pub fn figures(engine: &Engine<'_>, view: &View) -> Result<Campaign> {
    let as_of = engine.dates(view).as_of;
    let Some(election) = election(engine, view)? else {
        return Ok(Campaign::default());
    };
    let stage = election.stage(&election.campaign_stage);
    let (starts, ends) = (
        stage.and_then(|s| s.starts_on),
        stage.and_then(|s| s.ends_on),
    );
    let kview = campaign_view_of(view, &election.campaign_stage);
    let pekan = pekan_table(engine, &kview)?;
    let by_region: HashMap<String, i64> = engine
        .group(&kview, Dim::Region, Lang::En)?
        .into_iter()
        .map(|g| (g.key, g.count))
        .collect();
    // The activities of the pekan begun by the as-of date.
    let begun = period_of(election)
        .map(|p| u32::try_from(p.begun_by(as_of).len()).unwrap_or(0))
        .unwrap_or(0);
    let activity: HashMap<String, Activities> = if begun == 0 {
        HashMap::new()
    } else {
        engine
            .store()
            .campaign_activity(&election.code, 1..=begun)?
            .into_iter()
            .collect()
    };
    let regions: Vec<RegionFigures> = engine
        .reference()
        .regions
        .iter()
        .filter(|r| admits_region(view, &r.code))
        .map(|r| RegionFigures {
            code: r.code.clone(),
            cases: by_region.get(&r.code).copied().unwrap_or(0),
            activities: activity.get(&r.code).cloned().unwrap_or_default(),
        })
        .collect();
    let mut activities = Activities::default();
    for r in &regions {
        activities += &r.activities;
    }
    Ok(Campaign {
        starts,
        ends,
        cases: engine.headline(&kview)?.total,
        pekan,
        regions,
        activities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_terms_admit_or_exclude() {
        let r = Reference::embedded();
        let v = crate::view::parse("region:balikpapan,samarinda", &r).unwrap_or_default();
        assert!(admits_region(&v, "64.71") && !admits_region(&v, "64.02"));
        let v = crate::view::parse("-region:64", &r).unwrap_or_default();
        assert!(!admits_region(&v, "64") && admits_region(&v, "64.02"));
        assert_eq!(
            per_thousand(22, 7120).map(|x| (x * 10.0).round()),
            Some(31.0)
        );
        assert_eq!(per_thousand(1, 0), None);
    }
}
