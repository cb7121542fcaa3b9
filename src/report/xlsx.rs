//! `pantau report --format xlsx`: the report as an Excel workbook for the recap that goes to
//! Bawaslu RI and the kab/kota offices: a sheet per table (title, election, view, the date
//! counted at and the time made above it; counts as numbers; a total row; frozen header, filter,
//! columns as wide as their cells), and a sheet saying where it came from.

use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::Table;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::xlsx::Xlsx;

/// One table of the workbook, on a sheet of its own.
#[derive(Debug)]
pub struct Sheet {
    /// The sheet's tab; shortened to the 31 characters Excel allows.
    pub name: String,
    /// The heading above the table.
    pub title: String,
    pub table: Table,
}

/// What the workbook says about its figures, above every table and on the source sheet.
pub struct About<'a> {
    pub lang: Lang,
    /// The elections counted, by name.
    pub elections: &'a str,
    /// The view in the words of `lang`.
    pub view: &'a str,
    /// The view in its canonical form, as the provenance of an export gives it.
    pub spec: &'a str,
    pub as_of: chrono::NaiveDate,
    pub made: chrono::DateTime<chrono::Local>,
    /// The file's name, when it is written to one.
    pub file: &'a str,
    pub database: &'a str,
    pub cases: i64,
}

/// The header row of every table sheet (0-based): below the title and the four lines about it.
const HEADER_ROW: u32 = 6;

/// The workbook's bytes.
pub fn workbook(about: &About<'_>, sheets: &[Sheet]) -> Result<Vec<u8>> {
    build(about, sheets).map_err(|e| {
        let m = Xlsx::NotWritten { error: &e };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })
}

fn build(about: &About<'_>, sheets: &[Sheet]) -> std::result::Result<Vec<u8>, XlsxError> {
    let lang = about.lang;
    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(14);
    let label = Format::new().set_bold();
    let date = Format::new()
        .set_num_format(Xlsx::DateFormat.text(lang))
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    let made = Format::new()
        .set_num_format(Xlsx::DateTimeFormat.text(lang))
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    let as_of = ExcelDateTime::from_ymd(
        u16::try_from(about.as_of.year()).unwrap_or(1900),
        about.as_of.month() as u8,
        about.as_of.day() as u8,
    )?;
    let made_at = ExcelDateTime::from_ymd(
        u16::try_from(about.made.year()).unwrap_or(1900),
        about.made.month() as u8,
        about.made.day() as u8,
    )?
    .and_hms(
        about.made.hour() as u16,
        about.made.minute() as u8,
        about.made.second(),
    )?;
    let about_rows = |sheet: &mut Worksheet, from: u32| -> std::result::Result<(), XlsxError> {
        sheet.write_string_with_format(from, 0, Xlsx::Election.text(lang), &label)?;
        sheet.write_string(from, 1, about.elections)?;
        sheet.write_string_with_format(from + 1, 0, Xlsx::View.text(lang), &label)?;
        sheet.write_string(from + 1, 1, about.view)?;
        sheet.write_string_with_format(from + 2, 0, Xlsx::AsOf.text(lang), &label)?;
        sheet.write_datetime_with_format(from + 2, 1, &as_of, &date)?;
        sheet.write_string_with_format(from + 3, 0, Xlsx::Made.text(lang), &label)?;
        sheet.write_datetime_with_format(from + 3, 1, &made_at, &made)?;
        Ok(())
    };
    // The source sheet's name is taken first: a dimension named as it is (`sumber`, the source of
    // a case) gets a number after its name rather than failing the workbook.
    let source_name = sheet_name(&Xlsx::SourceSheet.text(lang));
    let mut taken = vec![source_name.to_lowercase()];
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(unique_name(&s.name, &mut taken))?;
        sheet.write_string_with_format(0, 0, &s.title, &title)?;
        about_rows(sheet, 1)?;
        table(sheet, &s.table)?;
    }
    // Where it came from: what `export -o` writes beside a file, here as a sheet of its own.
    let sheet = book.add_worksheet();
    sheet.set_name(source_name)?;
    sheet.write_string_with_format(0, 0, Xlsx::SourceTitle.text(lang), &title)?;
    about_rows(sheet, 1)?;
    let rows = [
        (Xlsx::File.text(lang), about.file.to_string()),
        (Xlsx::Format.text(lang), "xlsx".to_string()),
        (Xlsx::Database.text(lang), about.database.to_string()),
        (
            Xlsx::Version.text(lang),
            env!("CARGO_PKG_VERSION").to_string(),
        ),
    ];
    // The view as pantau reads it back, beside the words shown above.
    sheet.write_string(2, 2, about.spec)?;
    sheet.write_string_with_format(5, 0, Xlsx::Cases.text(lang), &label)?;
    sheet.write_number_with_format(5, 1, about.cases as f64, &count_format())?;
    for (i, (k, v)) in rows.iter().enumerate() {
        let row = 6 + i as u32;
        sheet.write_string_with_format(row, 0, k, &label)?;
        sheet.write_string(row, 1, v)?;
    }
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 40)?;
    book.save_to_buffer()
}

fn count_format() -> Format {
    Format::new().set_num_format("#,##0")
}

/// Writes `t` from `HEADER_ROW` on: its header frozen and filtered, its counts as numbers.
fn table(sheet: &mut Worksheet, t: &Table) -> std::result::Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let count = count_format();
    let rate = Format::new().set_num_format("0.0");
    let bold = Format::new().set_bold();
    let bold_count = count_format().set_bold();
    let bold_rate = Format::new().set_num_format("0.0").set_bold();
    let mut widths: Vec<usize> = vec![0; t.header.len()];
    for (c, h) in t.header.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col(c), h, &head)?;
    }
    let last = HEADER_ROW + t.rows.len() as u32 + 1;
    for (r, row) in t.rows.iter().chain(std::iter::once(&t.total)).enumerate() {
        let at = HEADER_ROW + 1 + r as u32;
        let is_total = at == last;
        for (c, cell) in row.iter().enumerate() {
            let number = (c >= t.text_cols)
                .then(|| cell.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => {
                    let f = match (cell.contains('.'), is_total) {
                        (true, true) => &bold_rate,
                        (true, false) => &rate,
                        (false, true) => &bold_count,
                        (false, false) => &count,
                    };
                    sheet.write_number_with_format(at, col(c), n, f)?;
                }
                None if cell.is_empty() => {}
                None if is_total => {
                    sheet.write_string_with_format(at, col(c), cell, &bold)?;
                }
                None => {
                    sheet.write_string(at, col(c), cell)?;
                }
            }
        }
    }
    for row in std::iter::once(&t.header)
        .chain(&t.rows)
        .chain(std::iter::once(&t.total))
    {
        for (c, cell) in row.iter().enumerate() {
            // A count is shown with separators: a third wider than its digits.
            let w = crate::text::width(cell);
            let w = if c >= t.text_cols { w + w / 3 } else { w };
            widths[c] = widths[c].max(w);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col(c), (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    if !t.rows.is_empty() {
        let last_col = col(t.header.len().saturating_sub(1));
        sheet.autofilter(HEADER_ROW, 0, last - 1, last_col)?;
    }
    Ok(())
}

/// A column's number; a table never has 16,384 columns.
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A sheet's name as Excel takes it: none of `[]:*?/\`, at most 31 characters.
/// `name` as a sheet's name no sheet before it has (Excel compares them regardless of case):
/// `Sumber`, then `Sumber (2)`.
fn unique_name(name: &str, taken: &mut Vec<String>) -> String {
    let base = sheet_name(name);
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate.to_lowercase()) {
        let suffix = format!(" ({n})");
        let room = 31 - suffix.chars().count();
        candidate = base.chars().take(room).collect::<String>() + &suffix;
        n += 1;
    }
    taken.push(candidate.to_lowercase());
    candidate
}

fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// The most data rows an Excel sheet holds below its header.
pub const MOST_ROWS: usize = 1_048_575;

/// Refuses `rows` cases that one sheet cannot hold: a workbook is never cut short.
pub fn fits(rows: usize) -> Result<()> {
    if rows <= MOST_ROWS {
        return Ok(());
    }
    let m = Xlsx::TooManyRows {
        rows,
        most: MOST_ROWS,
    };
    Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
}

/// The cases of an export as a workbook written to `out`: the CSV's header and rows (read from
/// `csv` as they come), every cell as the text the CSV holds, so that `pantau import` reads back
/// what it would read from the CSV. The sheet is kept in constant-memory mode (each row goes to
/// an unnamed private temporary file as it is written), so a million cases take a few MiB, not
/// gigabytes. Returns the rows of cases.
pub fn cases(
    csv: impl std::io::Read,
    out: impl std::io::Write + Send,
    step: &dyn Fn() -> Result<()>,
) -> Result<usize> {
    let not_written = |e: &dyn std::fmt::Display| {
        let m = Xlsx::NotWritten { error: e };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv);
    let mut book = Workbook::new();
    let sheet = book
        .add_worksheet_with_constant_memory()
        .map_err(|e| not_written(&e))?;
    sheet.set_name("kasus").map_err(|e| not_written(&e))?;
    let head = Format::new().set_bold();
    let mut widths: Vec<usize> = Vec::new();
    let mut rows = 0usize;
    let mut record = csv::StringRecord::new();
    let mut r = 0usize;
    while reader
        .read_record(&mut record)
        .map_err(|e| not_written(&e))?
    {
        fits(r)?;
        if r > 0 {
            step()?;
        }
        rows = r;
        let row = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, cell) in record.iter().enumerate() {
            if widths.len() <= c {
                widths.push(0);
            }
            let w = cell.lines().map(crate::text::width).max().unwrap_or(0);
            widths[c] = widths[c].max(w);
            if cell.is_empty() {
                continue;
            }
            if r == 0 {
                sheet.write_string_with_format(row, col(c), cell, &head)
            } else {
                sheet.write_string(row, col(c), cell)
            }
            .map_err(|e| not_written(&e))?;
        }
        r += 1;
    }
    let header = (|| -> std::result::Result<(), XlsxError> {
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(col(c), (*w).clamp(6, 50) as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        if rows > 0 && !widths.is_empty() {
            sheet.autofilter(
                0,
                0,
                u32::try_from(rows).unwrap_or(u32::MAX),
                col(widths.len() - 1),
            )?;
        }
        Ok(())
    })();
    header.map_err(|e| not_written(&e))?;
    book.save_to_writer(out).map_err(|e| not_written(&e))?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::{MOST_ROWS, fits, sheet_name};

    #[test]
    fn an_export_beyond_a_sheets_rows_is_refused_never_cut_short() {
        assert!(fits(MOST_ROWS).is_ok());
        let e = fits(MOST_ROWS + 1).unwrap_err().to_string();
        assert!(e.contains("1048576"), "{e}");
    }

    #[test]
    fn a_sheet_named_as_another_gets_a_number() {
        let mut taken = vec!["sumber".to_string()];
        assert_eq!(super::unique_name("Sumber", &mut taken), "Sumber (2)");
        assert_eq!(super::unique_name("sumber", &mut taken), "sumber (3)");
        assert_eq!(super::unique_name("Wilayah", &mut taken), "Wilayah");
    }

    #[test]
    fn sheet_names_are_what_excel_takes() {
        assert_eq!(sheet_name("Wilayah \\ Tahapan"), "Wilayah - Tahapan");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
    }
}
