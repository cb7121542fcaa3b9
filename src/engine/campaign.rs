//! The campaign figures of a view (cases per week and type, per region against activities supervised,
//! the press-release totals), from the engine's public counts and the weekly recap. No drawing.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::TypeGroup;
use crate::domain::{CAMPAIGN, CampaignPeriod, Reference};
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::activities::Activities;
use crate::view::{Term, TermKind, View};

/// One week of the chart (weeks start on Monday, as the weekly recap does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Week {
    pub start: NaiveDate,
    /// Cases by type group, in the order of [`TypeGroup::ALL`].
    pub by_type: [i64; TypeGroup::ALL.len()],
    /// The week starts after the as-of date (nothing could be counted yet).
    pub future: bool,
    /// The week is outside the campaign's dates (a case reported late, or early).
    pub outside: bool,
}

impl Week {
    /// The cases of the week.
    pub fn total(&self) -> i64 {
        self.by_type.iter().sum()
    }
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
    pub weeks: Vec<Week>,
    /// The regions the view admits, in display order.
    pub regions: Vec<RegionFigures>,
    /// The view's cases in the campaign stage.
    pub cases: i64,
    /// The activities supervised in those regions up to the as-of date.
    pub activities: Activities,
}

/// The campaign's period in `reference`: the campaign stage's dates, if it has both. Its pekan are
/// counted from its first day.
pub fn period(reference: &Reference) -> Option<CampaignPeriod> {
    let stage = reference.stage(CAMPAIGN)?;
    CampaignPeriod::new(stage.starts_on?, stage.ends_on?)
}

/// Cases per 1,000 activities, if there were activities.
pub fn per_thousand(cases: i64, activities: i64) -> Option<f64> {
    (activities > 0).then(|| cases as f64 * 1000.0 / activities as f64)
}

/// The Monday on or before `d`.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// `view` narrowed to the campaign stage (on top of whatever it already asks).
pub fn campaign_view(view: &View) -> View {
    let mut v = view.clone();
    v.terms.push(Term {
        negated: false,
        kind: TermKind::Stage(vec![CAMPAIGN.to_string()]),
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

/// The campaign figures of `view` (its as-of date set) from the engine.
pub fn figures(engine: &Engine<'_>, view: &View) -> Result<Campaign> {
    let as_of = engine.dates(view).as_of;
    let stage = engine.reference().stage(CAMPAIGN);
    let (starts, ends) = (
        stage.and_then(|s| s.starts_on),
        stage.and_then(|s| s.ends_on),
    );
    let kview = campaign_view(view);
    let mut found: HashMap<NaiveDate, [i64; TypeGroup::ALL.len()]> = HashMap::new();
    for c in engine.cross(&kview, (Dim::Week, Dim::Type))? {
        let (Ok(week), Some(t)) = (
            c.key.parse::<NaiveDate>(),
            TypeGroup::ALL.iter().position(|g| g.code() == c.key2),
        ) else {
            continue;
        };
        found.entry(week).or_default()[t] += c.count;
    }
    let mut span: Vec<NaiveDate> = found.keys().copied().collect();
    span.extend(starts.map(monday));
    span.extend(ends.map(monday));
    let mut weeks = Vec::new();
    if let (Some(first), Some(last)) = (span.iter().min(), span.iter().max()) {
        let mut w = *first;
        while w <= *last {
            let outside = match (starts, ends) {
                (Some(a), Some(b)) => w + Duration::days(6) < a || w > b,
                _ => false,
            };
            weeks.push(Week {
                start: w,
                by_type: found.get(&w).copied().unwrap_or_default(),
                future: w > as_of,
                outside,
            });
            w += Duration::days(7);
        }
    }
    let by_region: HashMap<String, i64> = engine
        .group(&kview, Dim::Region, Lang::En)?
        .into_iter()
        .map(|g| (g.key, g.count))
        .collect();
    // The activities of the pekan begun by the as-of date (a pekan's figures are reported as it
    // runs: the 9 Feb 2024 release counted pekan 10, which ran to 10 Feb).
    let begun = period(engine.reference())
        .map(|p| u32::try_from(p.begun_by(as_of).len()).unwrap_or(0))
        .unwrap_or(0);
    let activity: HashMap<String, Activities> = if begun == 0 {
        HashMap::new()
    } else {
        engine
            .store()
            .campaign_activity(1..=begun)?
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
        weeks,
        regions,
        activities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_region_terms_admit_or_exclude() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap_or_default();
        assert_eq!(monday(d(11, 28)), d(11, 27));
        assert_eq!(monday(d(11, 27)), d(11, 27));
        assert_eq!(monday(d(12, 3)), d(11, 27));
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
