//! `pantau report`: counts of a view by one dimension or a cross-tab of two, as an aligned table,
//! CSV, JSON or a Markdown table for meeting minutes.

use serde::Serialize;

use crate::cli::{ChartChoice, ReportArgs, ReportFormat};
use crate::commands::Context;
use crate::engine::summary::Wanted;
use crate::engine::{Cross, Dim, ElectionScope, Group, Headline, Recap};
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::failure::Failure;
use crate::i18n::xlsx::{Binary, Xlsx};
use crate::i18n::{Lang, Msg, tr};
pub(crate) use crate::report::Table;
use crate::report::build::{Cells, by_words, cross_table, one_dim_table, recap_table};
use crate::report::document::{self, Ask, ViewWords};
use crate::view::View;

/// The JSON document `report --format json` prints.
#[derive(Debug, Serialize)]
pub struct ReportJson {
    pub as_of: String,
    pub view: String,
    /// The codes of the elections counted, by voting day.
    pub elections: Vec<String>,
    pub by: String,
    pub total: i64,
    pub headline: Headline,
    pub groups: Vec<Group>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cross: Option<Vec<Cross>>,
    /// How types are counted, when a dimension counts them: `suspected_types_of_all_cases` (as
    /// Bawaslu Kaltim's year-end release) or `types_among_violations` (as Bawaslu RI).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conventions: Vec<Convention>,
}

/// A convention of counting types, by name and in words.
#[derive(Debug, Serialize)]
pub struct Convention {
    pub by: String,
    pub name: &'static str,
    pub label: String,
}

/// The JSON document `report --recap --format json` prints.
#[derive(Debug, Serialize)]
pub struct RecapJson {
    pub as_of: String,
    pub view: String,
    /// The codes of the elections counted, by voting day.
    pub elections: Vec<String>,
    pub table: &'static str,
    /// Types among violations only, as Bawaslu RI's recap counts them.
    pub convention: Convention,
    pub regions: Vec<Recap>,
    pub total: Recap,
}

/// Runs `pantau report`.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<()> {
    if args.by.len() > 2 {
        let typed: Vec<&str> = args.by.iter().map(|d| d.name()).collect();
        let typed = typed.join(",");
        let m = Command::ReportTooManyDims { typed: &typed };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    // A workbook, a PNG or a PDF is bytes no terminal shows: without `-o`, only through a pipe.
    if args.format.is_binary()
        && super::output_file(args.output.as_deref()).is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        let (format, file) = match args.format {
            ReportFormat::Png => ("png", Binary::Chart),
            ReportFormat::Pdf => ("pdf", Binary::Printed),
            _ => ("xlsx", Binary::Recap),
        };
        let m = Xlsx::ToTerminal { format, file };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    if args.chart == ChartChoice::Map
        && !matches!(args.format, ReportFormat::Png | ReportFormat::Svg)
    {
        let format = format!("{:?}", args.format).to_lowercase();
        let m = Command::ReportChartOnlyPictures { format: &format };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    let store = ctx.open_to_answer()?;
    let view = ctx.parse_view(&store, &args.view, args.as_of.as_deref())?;
    let mut engine = ctx.engine_for(&store, &view, &args.view)?;
    // A user asking "by election" asks for every election: counted by election, a view that names
    // none covers them all rather than the default one.
    if !args.recap && args.by.first() == Some(&Dim::Election) && !view.names_elections() {
        engine.set_election_scope(ElectionScope::Every);
    }
    engine.use_cached_index(view.as_of.is_some())?;
    let dates = engine.dates(&view);
    // Figures are of one election at a time (the default one when the view names none): every
    // output says which.
    let elections = engine.elections_in_view(&view)?;
    if !args.recap {
        refuse_mixed_elections(&args.by, &elections)?;
    }
    let codes: Vec<String> = elections.iter().map(|e| e.code.clone()).collect();
    let names = election_names(ctx.lang, &elections);
    ctx.say_about_dates(
        &view,
        args.as_of.is_some(),
        args.format != ReportFormat::Csv,
    );
    // The date counted at is stated on its own; `--as-of` is not part of the view.
    let lang = ctx.lang;
    let printed = |v: &View, in_lang: Lang| {
        let mut v = v.clone();
        if args.as_of.is_some() {
            v.as_of = None;
        }
        v.print_in(engine.reference(), in_lang)
    };
    // JSON holds the canonical spec; a title shows it in the words of the language it is in.
    let spec = printed(&view, Lang::En);
    let spec_read = printed(&view, lang);
    // Relative dates are shown with the days they stood for: `from:-7d (from:2024-01-26)`.
    let anchored = printed(&view.anchored(ctx.today), lang);
    let stated = |spec: &String| {
        if spec.is_empty() {
            tr(lang, Msg::NoView).to_string()
        } else if anchored != *spec {
            format!("{spec} ({anchored})")
        } else {
            spec.clone()
        }
    };
    if matches!(
        args.format,
        ReportFormat::Xlsx | ReportFormat::Png | ReportFormat::Svg | ReportFormat::Pdf
    ) {
        let words = ViewWords::of(&engine, &view, lang, args.as_of.is_some());
        let ask = Ask {
            by: args.by.clone(),
            recap: args.recap,
        };
        let doc = document::build(&engine, &view, &ask, lang, words)?;
        let bytes = super::report_files::bytes(ctx, args, &doc)?;
        return emit(ctx, args, &bytes);
    }
    if args.recap {
        let (rows, total) = engine.recap(&view, lang)?;
        let out = match args.format {
            ReportFormat::Json => {
                let doc = RecapJson {
                    as_of: dates.as_of.to_string(),
                    view: spec,
                    elections: codes,
                    table: "bawaslu_ri_recap",
                    convention: convention(Dim::Violation, lang),
                    regions: rows,
                    total,
                };
                encode(&doc)?
            }
            format => {
                let title = format!(
                    "{} ({}) · {} · {} {} · {}: {}",
                    Command::RecapTitle.text(lang),
                    tr(lang, Msg::ConventionRi),
                    names,
                    tr(lang, Msg::AsOf),
                    dates.as_of.format("%d/%m/%Y"),
                    tr(lang, Msg::View),
                    stated(&spec_read),
                );
                let mut out = render(
                    format,
                    &title,
                    &recap_table(cells(format), lang, &rows, &total),
                );
                if format != ReportFormat::Csv {
                    out += &format!("\n{}\n", Command::RecapNote.text(lang));
                }
                out
            }
        };
        return emit(ctx, args, shown(ctx, args.format, &out).as_bytes());
    }
    let first = args.by[0];
    if args.by == [Dim::Pekan] {
        let title = |by: &str| title_line(lang, by, &names, dates.as_of, &spec_read, &anchored);
        let out = super::report_pekan::run(&engine, &view, args.format, lang, &spec, title)?;
        return emit(ctx, args, shown(ctx, args.format, &out).as_bytes());
    }
    let second = args.by.get(1).copied();
    if second == Some(first) {
        let m = Command::ReportSameDims;
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    let summary = engine.summary(&view, (first, second), wanted(args.format), lang)?;
    let (groups, total, headline) = (summary.groups, summary.total, summary.headline);
    let cross = second.zip(summary.cross);
    let out = match args.format {
        ReportFormat::Json => {
            let doc = ReportJson {
                as_of: dates.as_of.to_string(),
                view: spec,
                elections: codes,
                by: args
                    .by
                    .iter()
                    .map(|d| d.name())
                    .collect::<Vec<_>>()
                    .join(","),
                total,
                headline: headline.unwrap_or_default(),
                groups,
                cross: cross.map(|(_, c)| c),
                conventions: args
                    .by
                    .iter()
                    .filter(|d| d.convention().is_some())
                    .map(|d| convention(*d, lang))
                    .collect(),
            };
            encode(&doc)?
        }
        format => {
            let title = title_line(
                lang,
                &by_words(lang, &args.by),
                &names,
                dates.as_of,
                &spec_read,
                &anchored,
            );
            // Types among violations count the violations only: their total is theirs.
            let total = if first == Dim::Violation {
                groups.iter().map(|g| g.count).sum()
            } else {
                total
            };
            let table = match &cross {
                None => one_dim_table(cells(format), lang, first, &groups, total),
                Some((second, crossed)) => cross_table(
                    &engine,
                    cells(format),
                    lang,
                    (first, *second),
                    &groups,
                    crossed,
                )?,
            };
            render(format, &title, &table)
        }
    };
    emit(ctx, args, shown(ctx, args.format, &out).as_bytes())
}

/// Writes a report to the file of `-o` (created privately, never through a link), else to
/// standard output.
fn emit(ctx: &Context, args: &ReportArgs, bytes: &[u8]) -> Result<()> {
    match super::output_file(args.output.as_deref()) {
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // The reader has gone away (`| head`): end as a Unix tool does, quietly.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    crate::error::end_on_broken_pipe()
                }
                Err(e) => {
                    let m = |lang| {
                        let reason = crate::i18n::os::os_error(&e, lang);
                        Failure::StdoutWrite { reason: &reason }.text(lang)
                    };
                    Err(Error::failed(m(Lang::Id), m(Lang::En)))
                }
            }
        }
        Some(path) => {
            crate::fs_safe::refuse_database(path)?;
            crate::fs_safe::check_writable(path, crate::fs_safe::Replace::Yes)?;
            crate::fs_safe::write_whole(path, bytes, args.mode, crate::fs_safe::Replace::Yes)?;
            eprintln!("{} → {}", Xlsx::Written.text(ctx.lang), path.display());
            Ok(())
        }
    }
}

/// Refuses a report whose rows are one election's stages or pekan while the view covers several
/// elections: two elections' stages share codes and their pekan are counted from different days,
/// so one table of them would add up to nothing. Led by `election`, each election has its own rows
/// and the cross-tab is kept.
fn refuse_mixed_elections(by: &[Dim], elections: &[&crate::domain::Election]) -> Result<()> {
    if elections.len() < 2 || by.first() == Some(&Dim::Election) {
        return Ok(());
    }
    let Some(dim) = by.iter().find(|d| matches!(d, Dim::Stage | Dim::Pekan)) else {
        return Ok(());
    };
    let codes: Vec<&str> = elections.iter().map(|e| e.code.as_str()).collect();
    let listed = codes.join(", ");
    let example = codes.last().copied().unwrap_or_default();
    let m = |lang| {
        Command::ReportOneElection {
            by: dim.name(),
            elections: &listed,
            example,
        }
        .text(lang)
    };
    Err(Error::usage(m(Lang::Id), m(Lang::En)))
}

/// The names of `elections` in `lang`, for a title: `Pemilu 2024`, `Pemilu 2024, Pilkada 2024`.
fn election_names(lang: Lang, elections: &[&crate::domain::Election]) -> String {
    if elections.is_empty() {
        return "—".to_string();
    }
    elections
        .iter()
        .map(|e| e.name(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Cases by region · Pemilu 2024 · as of 02/02/2024 · view: …`: what a report's table counts,
/// of which election.
fn title_line(
    lang: Lang,
    by: &str,
    elections: &str,
    as_of: chrono::NaiveDate,
    spec: &str,
    anchored: &str,
) -> String {
    format!(
        "{} {} · {} · {} {} · {}: {}",
        tr(lang, Msg::Count),
        by,
        elections,
        tr(lang, Msg::AsOf),
        as_of.format("%d/%m/%Y"),
        tr(lang, Msg::View),
        if spec.is_empty() {
            tr(lang, Msg::NoView).to_string()
        } else if anchored != spec {
            format!("{spec} ({anchored})")
        } else {
            spec.to_string()
        },
    )
}

/// The convention of counting types `dim` follows (`Dim::Type` or `Dim::Violation`).
fn convention(dim: Dim, lang: Lang) -> Convention {
    let (name, words) = dim
        .convention()
        .unwrap_or(("types_among_violations", Msg::ConventionRi));
    Convention {
        by: dim.name().to_string(),
        name,
        label: format!("{} ({})", dim.heading(lang), tr(lang, words)),
    }
}

/// A JSON document as printed.
fn encode<T: Serialize>(doc: &T) -> Result<String> {
    serde_json::to_string_pretty(doc)
        .map(|s| s + "\n")
        .map_err(|e| {
            let m = Command::ReportEncode { error: &e };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })
}

/// The table as a terminal shows it: every cell made safe (CSV keeps the text as it is).
fn displayed(t: &Table) -> Table {
    Table {
        text_cols: t.text_cols,
        header: safe_row(&t.header),
        rows: t.rows.iter().map(|r| safe_row(r)).collect(),
        total: safe_row(&t.total),
    }
}

/// A row of cells made safe for a terminal.
pub(super) fn safe_row(r: &[String]) -> Vec<String> {
    r.iter()
        .map(|c| crate::text::safe(c).into_owned())
        .collect()
}

/// A table as the terminal can draw it: with the characters the terminal lacks (rules, dashes under
/// `LANG=C` or `--ascii`) replaced as on the screen. CSV, JSON and Markdown are data: left as written.
fn shown<'a>(ctx: &Context, format: ReportFormat, out: &'a str) -> std::borrow::Cow<'a, str> {
    match format {
        ReportFormat::Table => crate::tui::widgets::ascii::text(out, ctx.choice().glyphs),
        _ => std::borrow::Cow::Borrowed(out),
    }
}

pub(super) fn render(format: ReportFormat, title: &str, t: &Table) -> String {
    let shown;
    let (title, t) = if format == ReportFormat::Csv {
        (std::borrow::Cow::Borrowed(title), t)
    } else {
        shown = displayed(t);
        (crate::text::safe(title), &shown)
    };
    match format {
        ReportFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(&t.header);
            for r in t.rows.iter().chain(std::iter::once(&t.total)) {
                let _ = w.write_record(r);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        ReportFormat::Md => {
            let esc = |s: &String| s.replace('|', "\\|");
            let mut out = format!("**{}**\n\n", esc(&title.to_string()));
            out += &format!(
                "| {} |\n",
                t.header.iter().map(esc).collect::<Vec<_>>().join(" | ")
            );
            out += &format!(
                "|{}\n",
                (0..t.header.len())
                    .map(|i| if i < t.text_cols { " --- |" } else { " ---: |" })
                    .collect::<String>()
            );
            for r in &t.rows {
                out += &format!(
                    "| {} |\n",
                    r.iter().map(esc).collect::<Vec<_>>().join(" | ")
                );
            }
            out += &format!(
                "| **{}** |\n",
                t.total.iter().map(esc).collect::<Vec<_>>().join("** | **")
            );
            out.replace("| **** |", "|  |")
        }
        _ => {
            let cols = t.header.len();
            let all = std::iter::once(&t.header)
                .chain(&t.rows)
                .chain(std::iter::once(&t.total));
            let mut widths = vec![0usize; cols];
            for r in all.clone() {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(crate::text::width(c));
                }
            }
            let line = |r: &Vec<String>| {
                let cells: Vec<String> = r
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let pad = " ".repeat(widths[i].saturating_sub(crate::text::width(c)));
                        if i < t.text_cols {
                            format!("{c}{pad}")
                        } else {
                            format!("{pad}{c}")
                        }
                    })
                    .collect();
                cells.join("  ").trim_end().to_string() + "\n"
            };
            let rule = "─".repeat(widths.iter().sum::<usize>() + 2 * (cols - 1)) + "\n";
            let mut out = format!("{title}\n\n");
            out += &line(&t.header);
            out += &rule;
            for r in &t.rows {
                out += &line(r);
            }
            out += &rule;
            out += &line(&t.total);
            out
        }
    }
}

/// How `format` writes counts: plain digits in data (CSV, the workbook), as read everywhere else.
pub(super) fn cells(format: ReportFormat) -> Cells {
    match format {
        ReportFormat::Csv | ReportFormat::Xlsx => Cells::Digits,
        _ => Cells::Read,
    }
}

/// The figures of the whole view a report in `format` prints: JSON holds every headline figure,
/// a table shows only the total.
pub(super) fn wanted(format: ReportFormat) -> Wanted {
    if format == ReportFormat::Json {
        Wanted::Headline
    } else {
        Wanted::Total
    }
}
