//! The report by pekan as a table: a row per pekan of the campaign (zeros included) with the totals
//! since it began, the activities supervised and the cases per 1,000, the cases outside it apart.

use crate::engine::campaign::{PekanTable, campaign_view_of, pekan_report, per_thousand};
use crate::engine::summary::Wanted;
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::i18n::commands::Command;
use crate::i18n::core::Core;
use crate::i18n::{Lang, Msg, decimal, tr};
use crate::view::{TermKind, View};

use super::Table;
use super::build::{Cells, by_words, count_cell};

/// The view a report by pekan counts, and whether it was narrowed to the campaign stage. The pekan
/// are the campaign's, and so are the activities each case is set against: without a stage of its
/// own, the view counts the campaign stage's cases, as the weekly release does.
pub fn counted_view(engine: &Engine<'_>, view: &View) -> Result<(View, bool)> {
    let campaign_only = !view
        .terms
        .iter()
        .any(|t| matches!(t.kind, TermKind::Stage(_)));
    // The election in view: its campaign stage, its pekan, its activities.
    let election = crate::engine::campaign::election(engine, view)?;
    let stage = election.map_or(crate::domain::CAMPAIGN, |e| e.campaign_stage.as_str());
    if campaign_only {
        Ok((campaign_view_of(view, stage), true))
    } else {
        Ok((view.clone(), false))
    }
}

/// The report by pekan as a sheet of a workbook: its title from the words of the dimension.
pub fn sheet(
    engine: &Engine<'_>,
    view: &View,
    lang: Lang,
    title: impl Fn(&str) -> String,
) -> Result<super::xlsx::Sheet> {
    let (view, _) = counted_view(engine, view)?;
    let (table, summary) = pekan_report(engine, &view, Wanted::Total)?;
    Ok(super::xlsx::Sheet {
        name: Dim::Pekan.heading(lang).to_string(),
        title: title(&by_words(lang, &[Dim::Pekan])),
        table: rows(&table, summary.total, lang, Cells::Digits),
    })
}

/// The table: a row per pekan, the row of the cases outside the campaign when there are any, the
/// total.
pub fn rows(t: &PekanTable, total: i64, lang: Lang, written: Cells) -> Table {
    let rate = |cases: i64, acts: i64| {
        per_thousand(cases, acts).map_or_else(String::new, |x| match written {
            Cells::Digits => format!("{x:.1}"),
            Cells::Read => decimal(lang, x),
        })
    };
    // Every count as the rate beside it: with the language's thousands separator.
    let count = |n: i64| count_cell(written, lang, n);
    let mut rows: Vec<Vec<String>> = t
        .pekan
        .iter()
        .map(|f| {
            let mut label = f.pekan.label(lang);
            if !f.begun {
                // Nothing counted yet: no figure rather than a zero.
                label = format!("{label} — {}", Command::ReportPekanNotBegun.text(lang));
                let mut row = vec![f.pekan.number.to_string(), label];
                row.resize(7, String::new());
                return row;
            }
            vec![
                f.pekan.number.to_string(),
                label,
                count(f.cases),
                count(f.cases_cumulative),
                count(f.activities),
                count(f.activities_cumulative),
                rate(f.cases, f.activities),
            ]
        })
        .collect();
    if t.outside > 0 || t.period.is_none() {
        rows.push(vec![
            crate::engine::OUTSIDE_CAMPAIGN.to_string(),
            Core::OutsideCampaign.text(lang),
            count(t.outside),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    let activities = t.pekan.last().map_or(0, |f| f.activities_cumulative);
    let in_campaign = t.pekan.last().map_or(0, |f| f.cases_cumulative);
    Table {
        text_cols: 2,
        header: vec![
            Command::ReportCode.text(lang),
            Dim::Pekan.heading(lang).to_string(),
            Command::ReportPekanCases.text(lang),
            Command::ReportPekanCasesSince.text(lang),
            Command::ReportPekanActivities.text(lang),
            Command::ReportPekanActivitiesSince.text(lang),
            Command::ReportPekanRate.text(lang),
        ],
        rows,
        total: vec![
            tr(lang, Msg::Total).to_string(),
            String::new(),
            count(total),
            String::new(),
            count(activities),
            String::new(),
            rate(in_campaign, activities),
        ],
    }
}
