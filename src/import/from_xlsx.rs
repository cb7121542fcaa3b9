//! Spreadsheet rows (xlsx, read with calamine): the first sheet or a named one, the first non-empty
//! row as header, date cells as dates, each row with its spreadsheet row number.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Range, Reader};

use crate::import::columns::ColumnSet;
use crate::import::problem::{Issue, Problem};
use crate::import::read::{Each, Raw, Row, Slot, resolve_header};
use crate::import::validate::no_cells;

/// One sheet of a workbook, read into memory.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub range: Range<Data>,
}

/// Opens the workbook in `bytes` and reads the sheet `name`, or the first one.
pub fn open(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Problem> {
    let fail = |e: String| Problem::new(0, None, Issue::Spreadsheet(e));
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::new(1, None, Issue::EmptyFile));
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| fail(e.to_string()))?;
    let sheets = book.sheet_names();
    let name = match name {
        Some(n) => sheets
            .iter()
            .find(|s| s.as_str() == n || s.eq_ignore_ascii_case(n))
            .cloned()
            .ok_or_else(|| {
                Problem::new(
                    0,
                    None,
                    Issue::NoSheet {
                        name: n.to_string(),
                        sheets: sheets.join(", "),
                    },
                )
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| Problem::new(0, None, Issue::EmptyFile))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| fail(format!("{name}: {e}")))?;
    Ok(Sheet { name, range })
}

/// The text of a cell: numbers without a needless `.0`, dates as `YYYY-MM-DD`; an error cell is `Err`.
pub fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// Hands every non-empty row after the header row to `each`.
pub fn scan(sheet: &Sheet, ignore_unknown: bool, each: &mut Each<'_>) -> Vec<Problem> {
    let first_row = sheet.range.start().map_or(0, |(r, _)| u64::from(r));
    let mut rows = sheet
        .range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i as u64 + 1, r));
    let texts = |cells: &[Data]| {
        cells
            .iter()
            .map(|c| cell_text(c).unwrap_or_else(|e| format!("#{e}")))
            .collect::<Vec<_>>()
    };
    let Some((header_line, header_cells)) = rows
        .by_ref()
        .find(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
    else {
        return vec![Problem::new(1, None, Issue::EmptyFile)];
    };
    let header = texts(header_cells);
    let map = match resolve_header(&header, header_line, ignore_unknown) {
        Ok(m) => m,
        Err(p) => return p,
    };
    for (line, cells) in rows {
        let raw: Vec<String> = texts(cells);
        if raw.iter().all(|t| t.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            line,
            cells: no_cells(),
            given: map.given,
            skip: ColumnSet::default(),
            problems: Vec::new(),
            names: &map.names,
            raw: Raw::Sheet {
                header: &header,
                cells: Vec::new(),
            },
            offset: line,
        };
        for (i, (cell, slot)) in cells.iter().zip(&map.slots).enumerate() {
            match (slot, cell_text(cell)) {
                (Slot::Column(c), Ok(t)) => row.cells[c.index()] = Some(Cow::Owned(t)),
                (Slot::Column(c), Err(e)) => {
                    row.problems.push(Problem::new(
                        line,
                        Some(&map.names[c.index()]),
                        Issue::CellError { value: e },
                    ));
                    row.skip.insert(*c);
                }
                (Slot::Unnamed, _) if !ignore_unknown && !raw[i].trim().is_empty() => {
                    row.problems.push(Problem::new(
                        line,
                        Some(&format!("#{}", i + 1)),
                        Issue::Unnamed,
                    ));
                }
                _ => {}
            }
        }
        row.raw = Raw::Sheet {
            header: &header,
            cells: raw,
        };
        if each(row).is_break() {
            return Vec::new();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_the_text_a_person_reads() {
        assert_eq!(cell_text(&Data::Float(64.72)).unwrap(), "64.72");
        assert_eq!(cell_text(&Data::Float(64.0)).unwrap(), "64");
        assert_eq!(cell_text(&Data::Int(12)).unwrap(), "12");
        assert_eq!(cell_text(&Data::Bool(true)).unwrap(), "true");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-01-15T00:00:00".into())).unwrap(),
            "2024-01-15"
        );
        // 45306 is 15 Jan 2024 in Excel's 1900 date system.
        let d = calamine::ExcelDateTime::new(45306.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)).unwrap(), "2024-01-15");
        assert!(cell_text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }

    #[test]
    fn garbage_is_an_unreadable_spreadsheet() {
        let p = open(b"PK\x03\x04 not really a zip", None).unwrap_err();
        assert!(matches!(p.issue, Issue::Spreadsheet(_)), "{p:?}");
        assert_eq!(open(b"", None).unwrap_err().issue, Issue::EmptyFile);
    }
}
