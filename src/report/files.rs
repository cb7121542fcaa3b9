//! A report's document encoded as a file's bytes: the workbook, the chart picture (PNG or SVG) or
//! the printed report (PDF). Shared by the command line and the screen; writes no file itself.

use super::chart::{self, Chart, Kind};
use super::document::Document;
use super::{pdf, xlsx};
use crate::config::Letterhead;
use crate::error::{Error, Result};
use crate::i18n::chart::Chart as Words;
use crate::i18n::xlsx::Xlsx;
use crate::i18n::{Lang, Msg, tr};

/// The file formats a report leaves as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Png,
    Svg,
    Pdf,
}

impl Format {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
        }
    }
}

/// Which of a document's charts a picture draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pick {
    /// The first: bars, or stacked bars.
    #[default]
    Main,
    /// Kaltim's map (a report by region of Kaltim).
    Map,
}

/// What a file says beyond the document: where it is written and from what, the letterhead.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The file's name, as the workbook's source sheet gives it.
    pub file: String,
    /// The database the figures come from.
    pub database: String,
    pub pick: Pick,
    /// The head of the printed report; its logo is read when a PDF is made.
    pub letterhead: Letterhead,
}

/// How wide the charts of a printed report are drawn: twice a phone's picture, sharp on paper.
const PRINT_WIDTH: u32 = 2 * chart::WIDTH;

/// The bytes of `doc` as `format`.
pub fn bytes(doc: &Document, format: Format, options: &Options) -> Result<Vec<u8>> {
    match format {
        Format::Xlsx => xlsx::workbook(&doc.about(&options.file, &options.database), &doc.sheets),
        Format::Png => chart::png(picked(doc, options.pick)?, chart::WIDTH),
        Format::Svg => chart::svg(picked(doc, options.pick)?).map(String::into_bytes),
        Format::Pdf => pdf::document(&printed(doc, &options.letterhead)?),
    }
}

/// The chart a picture of `doc` draws.
fn picked(doc: &Document, pick: Pick) -> Result<&Chart> {
    let found = match pick {
        Pick::Main => doc.charts.first(),
        Pick::Map => doc.charts.iter().find(|c| c.kind == Kind::Map),
    };
    found.ok_or_else(|| {
        let m = Words::MapOnlyByRegion;
        Error::usage(m.text(Lang::Id), m.text(Lang::En))
    })
}

/// The printed report of `doc` under `letterhead`: what it counts, the headline figures, every
/// table and every chart.
fn printed(doc: &Document, letterhead: &Letterhead) -> Result<pdf::Printed> {
    let lang = doc.lang;
    let h = &doc.headline;
    let figure = |msg: Msg, value: i64| pdf::Figure {
        label: tr(lang, msg).to_string(),
        value,
    };
    let mut pictures = Vec::new();
    for c in &doc.charts {
        pictures.push(pdf::Picture {
            png: chart::png(c, PRINT_WIDTH)?,
        });
    }
    Ok(pdf::Printed {
        lang,
        letterhead: pdf::Letterhead {
            name: letterhead.name_lines(),
            address: letterhead.address_lines(),
            logo: letterhead.logo_bytes()?,
        },
        title: doc.title.clone(),
        about: vec![
            (Xlsx::Election.text(lang), doc.elections.clone()),
            (Xlsx::View.text(lang), doc.view.read.clone()),
            (
                Xlsx::AsOf.text(lang),
                doc.as_of.format("%d/%m/%Y").to_string(),
            ),
        ],
        made: doc.made,
        source: doc.source(),
        figures: vec![
            figure(Msg::AllCases, h.total),
            figure(Msg::Temuan, h.temuan),
            figure(Msg::Laporan, h.laporan),
            figure(Msg::Registered, h.registered),
            figure(Msg::Violations, h.violations),
            figure(Msg::NotViolation, h.not_violation),
            figure(Msg::InProcess, h.in_process),
            figure(Msg::Overdue, h.overdue),
        ],
        tables: doc
            .sheets
            .iter()
            .map(|s| (s.title.clone(), s.table.clone()))
            .collect(),
        pictures,
    })
}
