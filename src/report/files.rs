//! A report's document encoded as a file's bytes: the workbook, the chart picture (PNG or SVG) or
//! the printed report (PDF). Shared by the command line and the screen; writes no file itself.

use super::chart::{self, Chart, Kind};
use super::document::Document;
use super::{pdf, xlsx};
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
    pub letterhead: Head,
}

/// The letterhead as the configuration gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// The office's name, a line each; `None`: the office of the database's own province.
    pub name: Option<Vec<String>>,
    pub address: Vec<String>,
    /// A PNG or JPEG file, read when a PDF is made.
    pub logo: Option<std::path::PathBuf>,
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
fn printed(doc: &Document, letterhead: &Head) -> Result<pdf::Printed> {
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
            // The configured name, else the office whose database it is (not always Kaltim's).
            name: letterhead
                .name
                .clone()
                .unwrap_or_else(|| doc.default_letterhead()),
            address: letterhead.address.clone(),
            logo: match &letterhead.logo {
                Some(path) => Some(pdf::read_logo(path)?),
                None => None,
            },
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
            .map(|s| (s.title.clone(), decimals_read(&s.table, lang)))
            .collect(),
        pictures,
    })
}

/// A table whose decimal figures (cases per 1,000 activities: `2.5`) are written as `lang` writes
/// them (`2,5`); whole numbers are left to the page, which writes them with thousands separators.
fn decimals_read(t: &super::Table, lang: Lang) -> super::Table {
    let read = |row: &Vec<String>| -> Vec<String> {
        row.iter()
            .enumerate()
            .map(|(i, c)| {
                let decimal = i >= t.text_cols && c.contains('.') && c.parse::<i64>().is_err();
                match c.parse::<f64>() {
                    Ok(x) if decimal => crate::i18n::decimal(lang, x),
                    _ => c.clone(),
                }
            })
            .collect()
    };
    super::Table {
        text_cols: t.text_cols,
        header: t.header.clone(),
        rows: t.rows.iter().map(read).collect(),
        total: read(&t.total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_the_language_writes_them_and_counts_are_left_alone() {
        let t = crate::report::Table {
            text_cols: 1,
            header: vec!["Pekan".into(), "Kasus".into(), "Per 1.000".into()],
            rows: vec![vec!["1".into(), "1214".into(), "2.5".into()]],
            total: vec!["Jumlah".into(), "1214".into(), "3.1".into()],
        };
        let id = decimals_read(&t, Lang::Id);
        assert_eq!(id.rows[0], ["1", "1214", "2,5"]);
        assert_eq!(id.total[2], "3,1");
        assert_eq!(decimals_read(&t, Lang::En).rows[0][2], "2.5");
    }
}
