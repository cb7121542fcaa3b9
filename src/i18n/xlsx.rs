//! The words of the Excel workbooks pantau writes (`report --format xlsx`): the labels beside a
//! report's title, the source sheet, the formats of dates, and the refusals, each in Bahasa
//! Indonesia and English. A message without both texts does not compile.

use super::Lang;

/// What a binary file holds, for the example name a message gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binary {
    /// A report's workbook.
    Recap,
    /// The cases of an export as a workbook.
    Cases,
    /// A chart picture.
    Chart,
    /// The printed report.
    Printed,
}

impl Binary {
    /// A file name a user could give, in `lang`: `REKAP.xlsx`, `grafik.png`.
    pub fn example(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Binary::Recap, Lang::Id) => "REKAP.xlsx",
            (Binary::Recap, Lang::En) => "RECAP.xlsx",
            (Binary::Cases, Lang::Id) => "kasus.xlsx",
            (Binary::Cases, Lang::En) => "cases.xlsx",
            (Binary::Chart, Lang::Id) => "grafik.png",
            (Binary::Chart, Lang::En) => "chart.png",
            (Binary::Printed, Lang::Id) => "rekap.pdf",
            (Binary::Printed, Lang::En) => "report.pdf",
        }
    }
}

/// A text of a workbook, or of writing one.
#[derive(Clone, Copy)]
pub enum Xlsx<'a> {
    /// The label of the row naming the elections counted.
    Election,
    /// The label of the row giving the view.
    View,
    /// The label of the row giving the date counted at.
    AsOf,
    /// The label of the row giving when the workbook was made.
    Made,
    /// The name of the sheet saying where the workbook came from.
    SourceSheet,
    /// The source sheet's heading.
    SourceTitle,
    /// The source sheet's rows: the file's name, its format, the database, pantau's version.
    File,
    Format,
    Database,
    Version,
    /// The number of cases counted.
    Cases,
    /// A day as Excel shows it.
    DateFormat,
    /// A day and a time as Excel shows them.
    DateTimeFormat,
    /// A workbook, picture or PDF asked for on a terminal without `-o`.
    ToTerminal {
        format: &'a str,
        file: Binary,
    },
    /// A report was written to a file (`report -o`), before its name.
    Written,
    /// More cases than the rows of an Excel sheet: refused rather than cut short.
    TooManyRows {
        rows: usize,
        most: usize,
    },
    /// The workbook could not be made.
    NotWritten {
        error: &'a dyn std::fmt::Display,
    },
}

impl Xlsx<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Election, Id) => "Pemilihan".into(),
            (Self::Election, En) => "Election".into(),
            (Self::View, Id) => "Tampilan".into(),
            (Self::View, En) => "View".into(),
            (Self::AsOf, Id) => "Per tanggal".into(),
            (Self::AsOf, En) => "As of".into(),
            (Self::Made, Id) => "Dibuat".into(),
            (Self::Made, En) => "Made".into(),
            (Self::SourceSheet, Id) => "Sumber".into(),
            (Self::SourceSheet, En) => "Source".into(),
            (Self::SourceTitle, Id) => "Sumber data rekap ini".into(),
            (Self::SourceTitle, En) => "Where this recap comes from".into(),
            (Self::File, Id) => "Berkas".into(),
            (Self::File, En) => "File".into(),
            (Self::Format, Id) => "Format".into(),
            (Self::Format, En) => "Format".into(),
            (Self::Database, Id) => "Basis data".into(),
            (Self::Database, En) => "Database".into(),
            (Self::Version, Id) => "Versi pantau".into(),
            (Self::Version, En) => "pantau version".into(),
            (Self::Cases, Id) => "Jumlah kasus".into(),
            (Self::Cases, En) => "Cases".into(),
            (Self::DateFormat, Id) => "dd/mm/yyyy".into(),
            (Self::DateFormat, En) => "d mmm yyyy".into(),
            (Self::DateTimeFormat, Id) => "dd/mm/yyyy hh:mm".into(),
            (Self::DateTimeFormat, En) => "d mmm yyyy hh:mm".into(),
            (Self::ToTerminal { format, file }, Id) => format!(
                "{format} adalah berkas biner dan tidak ditampilkan di terminal: \
                 tulis ke berkas dengan -o {} (atau alirkan ke program lain)",
                file.example(Id)
            ),
            (Self::ToTerminal { format, file }, En) => format!(
                "{format} is a binary file and is not shown on a terminal: \
                 write it to a file with -o {} (or pipe it to another program)",
                file.example(En)
            ),
            (Self::Written, Id) => "Berkas ditulis".into(),
            (Self::Written, En) => "File written".into(),
            (Self::TooManyRows { rows, most }, Id) => format!(
                "{rows} kasus tidak muat dalam satu lembar Excel (paling banyak {most} baris): \
                 persempit tampilan dengan --view, atau ekspor sebagai csv"
            ),
            (Self::TooManyRows { rows, most }, En) => format!(
                "{rows} cases do not fit one Excel sheet (at most {most} rows): narrow the view \
                 with --view, or export as csv"
            ),
            (Self::NotWritten { error }, Id) => {
                format!("buku kerja xlsx tidak dapat dibuat: {error}")
            }
            (Self::NotWritten { error }, En) => {
                format!("the xlsx workbook could not be made: {error}")
            }
        }
    }
}
