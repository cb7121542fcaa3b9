//! `pantau report --by pekan`: the view's cases per pekan of the campaign of the election in view,
//! every pekan a row (zeros included), with the totals since the campaign began, the activities
//! supervised each pekan and the cases per 1,000 activities, and the cases received outside the
//! campaign apart.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cli::ReportFormat;
use crate::commands::report::{Table, by_words, count_cell, render};
use crate::engine::campaign::{PekanTable, campaign_view_of, pekan_table, per_thousand};
use crate::engine::{Dim, Engine, Headline};
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::core::Core;
use crate::i18n::{Lang, Msg, decimal, tr};
use crate::view::{TermKind, View};

/// The JSON document `report --by pekan --format json` prints.
#[derive(Debug, Serialize)]
pub struct PekanReportJson {
    pub as_of: String,
    pub view: String,
    /// The codes of the elections counted, by voting day.
    pub elections: Vec<String>,
    pub by: String,
    /// The view's cases: those of every pekan and those received outside the campaign.
    pub total: i64,
    pub headline: Headline,
    /// The campaign's first and last day (absent when the reference data gives it no dates).
    pub campaign_from: Option<String>,
    pub campaign_to: Option<String>,
    /// Every pekan of the campaign, keyed by its number.
    pub pekan: BTreeMap<u32, PekanJson>,
    /// The view's cases received before or after the campaign.
    pub outside_campaign: i64,
    /// The view gave no stage, so the campaign stage's cases were counted.
    pub campaign_stage_only: bool,
}

/// One pekan in JSON.
#[derive(Debug, Serialize)]
pub struct PekanJson {
    pub label: String,
    pub from: String,
    pub to: String,
    /// Whether the pekan had begun by the date counted at.
    pub begun: bool,
    pub cases: i64,
    pub cases_cumulative: i64,
    pub activities: i64,
    pub activities_cumulative: i64,
    /// Cases per 1,000 activities that pekan, when there were activities.
    pub per_thousand: Option<f64>,
}

/// Prints the report of `view` by pekan; `title` makes the title line from the words of the
/// dimension.
pub(super) fn run(
    engine: &Engine<'_>,
    view: &View,
    format: ReportFormat,
    lang: Lang,
    spec: &str,
    title: impl Fn(&str) -> String,
) -> Result<String> {
    let (view, campaign_only) = counted_view(engine, view)?;
    let view = &view;
    let table = pekan_table(engine, view)?;
    let headline = engine.headline(view)?;
    let as_of = engine.dates(view).as_of;
    let out = match format {
        ReportFormat::Json => {
            let elections = engine
                .elections_in_view(view)?
                .iter()
                .map(|e| e.code.clone())
                .collect();
            let doc = json(&table, headline, as_of, spec, campaign_only, elections);
            serde_json::to_string_pretty(&doc).map_err(|e| {
                let m = Command::ReportEncode { error: &e };
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            })? + "\n"
        }
        format => {
            let heading = title(&by_words(lang, &[Dim::Pekan]));
            let mut out = render(
                format,
                &heading,
                &rows(&table, headline.total, lang, format),
            );
            if format != ReportFormat::Csv {
                // Under the table: what the cumulative columns count from, and that no case was left out.
                out += "\n";
                if campaign_only {
                    out += &Command::ReportPekanCampaignOnly.text(lang);
                    out += "\n";
                }
                if let Some(p) = table.period {
                    let since = p.since(lang);
                    out += &Command::ReportPekanSince { since: &since }.text(lang);
                    out += "\n";
                }
                if table.outside_total() == 0 {
                    out += &Command::ReportPekanNoneOutside.text(lang);
                    out += "\n";
                }
            }
            out
        }
    };
    Ok(out)
}

/// The view a report by pekan counts, and whether it was narrowed to the campaign stage. The pekan
/// are the campaign's, and so are the activities each case is set against: without a stage of its
/// own, the view counts the campaign stage's cases, as the weekly release does.
fn counted_view(engine: &Engine<'_>, view: &View) -> Result<(View, bool)> {
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
pub(super) fn sheet(
    engine: &Engine<'_>,
    view: &View,
    lang: Lang,
    title: impl Fn(&str) -> String,
) -> Result<crate::report::xlsx::Sheet> {
    let (view, _) = counted_view(engine, view)?;
    let table = pekan_table(engine, &view)?;
    let headline = engine.headline(&view)?;
    Ok(crate::report::xlsx::Sheet {
        name: Dim::Pekan.heading(lang).to_string(),
        title: title(&by_words(lang, &[Dim::Pekan])),
        table: rows(&table, headline.total, lang, ReportFormat::Xlsx),
    })
}

fn json(
    t: &PekanTable,
    headline: Headline,
    as_of: chrono::NaiveDate,
    spec: &str,
    campaign_stage_only: bool,
    elections: Vec<String>,
) -> PekanReportJson {
    PekanReportJson {
        as_of: as_of.to_string(),
        view: spec.to_string(),
        elections,
        by: Dim::Pekan.name().to_string(),
        total: headline.total,
        headline,
        campaign_from: t.period.map(|p| p.starts.to_string()),
        campaign_to: t.period.map(|p| p.ends.to_string()),
        pekan: t
            .pekan
            .iter()
            .map(|f| {
                (
                    f.pekan.number,
                    PekanJson {
                        label: f.pekan.label(Lang::En),
                        from: f.pekan.starts.to_string(),
                        to: f.pekan.ends.to_string(),
                        begun: f.begun,
                        cases: f.cases(),
                        cases_cumulative: f.cases_cumulative,
                        activities: f.activities,
                        activities_cumulative: f.activities_cumulative,
                        per_thousand: per_thousand(f.cases(), f.activities)
                            .map(|x| (x * 10.0).round() / 10.0),
                    },
                )
            })
            .collect(),
        outside_campaign: t.outside_total(),
        campaign_stage_only,
    }
}

/// The table: a row per pekan, the row of the cases outside the campaign when there are any, the
/// total.
fn rows(t: &PekanTable, total: i64, lang: Lang, format: ReportFormat) -> Table {
    let rate = |cases: i64, acts: i64| {
        per_thousand(cases, acts).map_or_else(String::new, |x| match format {
            ReportFormat::Csv | ReportFormat::Xlsx => format!("{x:.1}"),
            _ => decimal(lang, x),
        })
    };
    // Every count as the rate beside it: with the language's thousands separator.
    let count = |n: i64| count_cell(format, lang, n);
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
                count(f.cases()),
                count(f.cases_cumulative),
                count(f.activities),
                count(f.activities_cumulative),
                rate(f.cases(), f.activities),
            ]
        })
        .collect();
    if t.outside_total() > 0 || t.period.is_none() {
        rows.push(vec![
            crate::engine::OUTSIDE_CAMPAIGN.to_string(),
            Core::OutsideCampaign.text(lang),
            count(t.outside_total()),
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
