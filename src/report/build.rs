//! The tables of a report (by one dimension, a cross-tab, Bawaslu RI's recap), with cells as a
//! reader or a program takes them. Shapes the engine's answers; formats none of them into a file.

use crate::engine::{Cross, Dim, Engine, Group, Recap};
use crate::error::Result;
use crate::i18n::commands::Command;
use crate::i18n::{Lang, Msg, tr};

use super::Table;

/// How a table's counts are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cells {
    /// Plain digits: CSV and the workbook, which are data.
    Digits,
    /// With the thousands separator of the language (`1.342`, `1,342`): what a reader sees.
    Read,
}

pub fn by_words(lang: Lang, by: &[Dim]) -> String {
    let names: Vec<String> = by
        .iter()
        .map(|d| {
            let name = d.heading(lang).to_lowercase();
            match d.convention() {
                Some((_, words)) => format!("{name} ({})", tr(lang, words)),
                None => name,
            }
        })
        .collect();
    format!("{} {}", Command::ReportBy.text(lang), names.join(" × "))
}

/// Bawaslu RI's recap as a table: a row per region and the total.
pub fn recap_table(written: Cells, lang: Lang, rows: &[Recap], total: &Recap) -> Table {
    let mut header = vec![
        tr(lang, Msg::Region).to_string(),
        tr(lang, Msg::Temuan).to_string(),
        tr(lang, Msg::Laporan).to_string(),
        Command::RecapReceived.text(lang),
        Command::RecapRegistered.text(lang),
        Command::RecapNotRegistered.text(lang),
        Command::RecapNotYetRegistered.text(lang),
        Command::RecapViolation.text(lang),
        Command::RecapNotViolation.text(lang),
        Command::RecapInProcess.text(lang),
        Command::RecapStopped.text(lang),
        Command::RecapLate.text(lang),
    ];
    header.extend(total.types.iter().map(|g| {
        crate::domain::TypeGroup::from_code(&g.key)
            .map(|t| t.short(lang).to_string())
            .unwrap_or_else(|| g.key.clone())
    }));
    let line = |r: &Recap| {
        let mut cells = vec![r.name.clone()];
        cells.extend(
            [
                r.temuan,
                r.laporan,
                r.received,
                r.registered,
                r.not_registered,
                r.not_yet_registered,
                r.violation,
                r.not_violation,
                r.in_process,
                r.stopped,
                r.late_laporan,
            ]
            .iter()
            .chain(r.types.iter().map(|g| &g.count))
            .map(|n| count_cell(written, lang, *n)),
        );
        cells
    };
    Table {
        text_cols: 1,
        header,
        rows: rows.iter().map(line).collect(),
        total: line(total),
    }
}

/// A count as a table cell: written with the thousands separator of `lang` (`1.342`, `1,342`) on
/// the terminal and in Markdown, as every figure a reader sees; plain digits in CSV, which is data.
pub fn count_cell(written: Cells, lang: Lang, n: i64) -> String {
    match written {
        Cells::Digits => n.to_string(),
        Cells::Read => crate::i18n::number(lang, n),
    }
}

pub fn one_dim_table(written: Cells, lang: Lang, dim: Dim, groups: &[Group], total: i64) -> Table {
    Table {
        text_cols: 2,
        header: vec![
            Command::ReportCode.text(lang),
            dim.heading(lang).to_string(),
            tr(lang, Msg::Count).to_string(),
        ],
        rows: groups
            .iter()
            .map(|g| {
                vec![
                    g.key.clone(),
                    g.label.clone(),
                    count_cell(written, lang, g.count),
                ]
            })
            .collect(),
        total: vec![
            tr(lang, Msg::Total).to_string(),
            String::new(),
            count_cell(written, lang, total),
        ],
    }
}

pub fn cross_table(
    engine: &Engine<'_>,
    written: Cells,
    lang: Lang,
    dims: (Dim, Dim),
    groups: &[Group],
    cells: &[Cross],
) -> Result<Table> {
    let mut keys2: Vec<&str> = Vec::new();
    for c in cells {
        if !keys2.contains(&c.key2.as_str()) {
            keys2.push(&c.key2);
        }
    }
    let mut header = vec![format!(
        "{} \\ {}",
        dims.0.heading(lang),
        dims.1.heading(lang)
    )];
    header.extend(keys2.iter().map(|k| short_label(engine, dims.1, k, lang)));
    header.push(tr(lang, Msg::Total).to_string());
    let mut col_totals = vec![0i64; keys2.len()];
    let mut rows = Vec::new();
    for g in groups {
        let mut row = vec![g.label.clone()];
        let mut sum = 0;
        for (i, k) in keys2.iter().enumerate() {
            let n = cells
                .iter()
                .find(|c| c.key == g.key && c.key2 == *k)
                .map(|c| c.count)
                .unwrap_or(0);
            col_totals[i] += n;
            sum += n;
            row.push(count_cell(written, lang, n));
        }
        row.push(count_cell(written, lang, sum));
        rows.push(row);
    }
    let mut total = vec![tr(lang, Msg::Total).to_string()];
    total.extend(col_totals.iter().map(|n| count_cell(written, lang, *n)));
    total.push(count_cell(written, lang, col_totals.iter().sum::<i64>()));
    Ok(Table {
        text_cols: 1,
        header,
        rows,
        total,
    })
}

/// A column heading for a key of the second dimension: short names for regions, codes otherwise.
pub fn short_label(engine: &Engine<'_>, dim: Dim, key: &str, lang: Lang) -> String {
    match dim {
        Dim::Region => engine
            .reference()
            .region(key)
            .map(|r| r.short_name.clone())
            .unwrap_or_else(|| key.into()),
        Dim::Source | Dim::Type | Dim::Violation | Dim::Status | Dim::FollowUp | Dim::Election => {
            engine.label(dim, key, lang).unwrap_or_else(|| key.into())
        }
        Dim::Stage | Dim::Week | Dim::Contest => key.to_string(),
        Dim::Kecamatan | Dim::Desa | Dim::Province => {
            engine.label(dim, key, lang).unwrap_or_else(|| key.into())
        }
        Dim::Pekan => match key.parse::<u32>() {
            Ok(n) if key != crate::engine::OUTSIDE_CAMPAIGN => {
                crate::i18n::core::Core::PekanShort { number: n }.text(lang)
            }
            _ => crate::i18n::core::Core::OutsideCampaign.text(lang),
        },
    }
}
