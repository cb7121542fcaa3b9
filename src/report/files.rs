//! A report's document encoded as a file's bytes: the workbook, the chart picture (PNG or SVG) or
//! the printed report (PDF). Shared by the command line and the screen; writes no file itself.

use super::document::Document;
use super::xlsx;
use crate::error::{Error, Result};

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
}

/// The bytes of `doc` as `format`.
pub fn bytes(doc: &Document, format: Format, options: &Options) -> Result<Vec<u8>> {
    match format {
        Format::Xlsx => xlsx::workbook(
            &xlsx::About::of(doc, &options.file, &options.database),
            &doc.sheets,
        ),
        Format::Png | Format::Svg | Format::Pdf => Err(Error::usage(
            "format ini belum tersedia".to_string(),
            "this format is not available yet".to_string(),
        )),
    }
}
