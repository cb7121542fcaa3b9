//! One row of any input format, as the readers (CSV, JSON, workbook) hand it on, and the header
//! matching they share. Imports none of the readers, so that they and `read.rs` form no circle.

use std::borrow::Cow;
use std::ops::ControlFlow;

use crate::import::problem::{At, Issue, Problem};
use crate::import::table::{ColumnSet, Named, Table};

/// The cells of one row by column position: `None` when the row does not give the column.
pub type Cells<'a> = Vec<Option<Cow<'a, str>>>;

/// An empty row of cells of a table `width` columns wide.
pub fn no_cells<'a>(width: usize) -> Cells<'a> {
    vec![None; width]
}

/// A row's original text, to copy into the file of rejected rows.
#[derive(Debug)]
pub enum Raw<'a> {
    Csv {
        header: &'a csv::ByteRecord,
        record: &'a csv::ByteRecord,
        delimiter: u8,
    },
    Json(&'a [u8]),
    Sheet {
        header: &'a [String],
        cells: Vec<String>,
    },
}

/// Where a row is, for the formats where its line alone does not say.
#[derive(Clone, Copy, Debug)]
pub enum RowAt<'a> {
    /// The line says it (CSV).
    Line,
    /// The object of a JSON file, counted from 1.
    Object(u64),
    /// A row of a sheet, with the sheet column (from 0) of each column it gives.
    Sheet {
        name: &'a str,
        cols: &'a [Option<u32>],
    },
}

impl RowAt<'_> {
    /// Where a problem of this row (in `column`, if it concerns one) is.
    pub fn of(&self, column: Option<usize>) -> Option<At> {
        match *self {
            RowAt::Line => None,
            RowAt::Object(n) => Some(At::Object(n)),
            RowAt::Sheet { name, cols } => Some(At::Cell {
                sheet: name.to_string(),
                col: column.and_then(|c| cols.get(c).copied().flatten()),
            }),
        }
    }
}

/// One row of any format.
#[derive(Debug)]
pub struct Row<'a> {
    /// The line (CSV, JSON) or spreadsheet row number where the row starts.
    pub line: u64,
    pub cells: Cells<'a>,
    /// The columns the row gives (an empty cell counts as given: it clears the field).
    pub given: ColumnSet,
    /// Columns the reader already found wrong; the validator leaves them alone.
    pub skip: ColumnSet,
    /// What the reader found wrong.
    pub problems: Vec<Problem>,
    /// How the file names each column.
    pub names: &'a [String],
    pub raw: Raw<'a>,
    /// How far into the input the row is, for a progress bar (bytes, or rows of a sheet).
    pub offset: u64,
    /// The object or sheet of the row.
    pub at: RowAt<'a>,
}

/// What the reader does with each row: go on, or stop (cancelled).
pub type Each<'f> = dyn FnMut(Row<'_>) -> ControlFlow<()> + 'f;

/// Where each field of a header row goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The column at this position of the table.
    Column(usize),
    /// Not imported: one of the ignored columns, or unknown with `--ignore-unknown`.
    Ignore,
    /// A header cell left empty: its values must be empty too.
    Unnamed,
}

/// A header row matched against the column table.
#[derive(Debug)]
pub struct HeaderMap {
    pub slots: Vec<Slot>,
    pub names: Vec<String>,
    pub given: ColumnSet,
}

/// Matches the header row on `line`: every unknown column (unless ignored), every column named
/// twice and every missing required column is a problem.
pub fn resolve_header(
    table: &dyn Table,
    names: &[String],
    line: u64,
    ignore_unknown: bool,
) -> std::result::Result<HeaderMap, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut slots = Vec::with_capacity(names.len());
    let mut display = table.canonical_names();
    let mut given = ColumnSet::default();
    for name in names {
        let slot = if name.trim().is_empty() {
            Slot::Unnamed
        } else {
            match table.named(name) {
                Named::Column(c) if given.contains(c) => {
                    problems.push(Problem::new(
                        line,
                        Some(name),
                        Issue::DuplicateColumn {
                            first: display[c].clone(),
                        },
                    ));
                    Slot::Ignore
                }
                Named::Column(c) => {
                    given.insert(c);
                    display[c] = name.trim().to_string();
                    Slot::Column(c)
                }
                Named::Ignored => Slot::Ignore,
                Named::Unknown if ignore_unknown => Slot::Ignore,
                Named::Unknown => {
                    problems.push(Problem::new(
                        line,
                        Some(name),
                        Issue::UnknownColumn {
                            suggestion: table.suggest(name),
                        },
                    ));
                    Slot::Ignore
                }
            }
        };
        slots.push(slot);
    }
    for c in (0..table.width()).filter(|&c| table.required(c) && !given.contains(c)) {
        problems.push(Problem::new(
            line,
            Some(table.name(c)),
            Issue::MissingColumn,
        ));
    }
    if problems.is_empty() {
        Ok(HeaderMap {
            slots,
            names: display,
            given,
        })
    } else {
        Err(problems)
    }
}

/// The text of a file without its byte-order mark; UTF-16 (as Excel's "Unicode text" writes it)
/// becomes UTF-8. `Err` if UTF-16 text is broken.
pub fn text_of(bytes: &[u8]) -> std::result::Result<std::borrow::Cow<'_, [u8]>, Problem> {
    use std::borrow::Cow;
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], c.get(1).copied().unwrap_or(0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units)
            .map(|s| Cow::Owned(s.into_bytes()))
            .map_err(|_| Problem::new(1, None, Issue::NotUtf8))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Ok(Cow::Borrowed(rest))
    } else if bytes.starts_with(b"\xFF\xFE") {
        utf16(true)
    } else if bytes.starts_with(b"\xFE\xFF") {
        utf16(false)
    } else {
        Ok(Cow::Borrowed(bytes))
    }
}
