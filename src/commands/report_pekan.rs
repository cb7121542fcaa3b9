//! `pantau report --by pekan` as text and JSON: the view's cases per pekan of the campaign of
//! the election in view, every pekan a row (zeros included), with the totals since the campaign
//! began, the activities supervised each pekan and the cases per 1,000 activities, and the cases
//! received outside the campaign apart.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cli::ReportFormat;
use crate::commands::report::{cells, render, wanted};
use crate::engine::campaign::{PekanTable, pekan_report, per_thousand};
use crate::engine::{Dim, Engine, Headline};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::report::build::by_words;
use crate::report::pekan::{counted_view, rows};
use crate::view::View;

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
    let (table, summary) = pekan_report(engine, view, wanted(format))?;
    let as_of = engine.dates(view).as_of;
    let out = match format {
        ReportFormat::Json => {
            let elections = engine
                .elections_in_view(view)?
                .iter()
                .map(|e| e.code.clone())
                .collect();
            let headline = summary.headline.unwrap_or_default();
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
                &rows(&table, summary.total, lang, cells(format)),
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
                if table.outside == 0 {
                    out += &Command::ReportPekanNoneOutside.text(lang);
                    out += "\n";
                }
            }
            out
        }
    };
    Ok(out)
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
                        cases: f.cases,
                        cases_cumulative: f.cases_cumulative,
                        activities: f.activities,
                        activities_cumulative: f.activities_cumulative,
                        per_thousand: per_thousand(f.cases, f.activities)
                            .map(|x| (x * 10.0).round() / 10.0),
                    },
                )
            })
            .collect(),
        outside_campaign: t.outside,
        campaign_stage_only,
    }
}
