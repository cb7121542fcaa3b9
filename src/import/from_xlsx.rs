//! Spreadsheet rows (xlsx, read with calamine): the first visible sheet or a named one, the first
//! row that names a column as header, date cells as dates, each row with its spreadsheet row number.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Range, Reader, SheetType, SheetVisible};

use crate::import::problem::{At, Issue, Problem};
use crate::import::row::{Each, Raw, Row, RowAt, Slot, no_cells, resolve_header};
use crate::import::table::{ColumnSet, Named, Table};

/// How many non-empty rows are searched for the header row.
pub const HEADER_SEARCH: usize = 10;

/// One sheet of a workbook, read into memory.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub range: Range<Data>,
    /// The formulas of the sheet, to tell a formula without a saved result from an empty cell.
    pub formulas: Range<String>,
    /// Hidden sheets before this one, not read (without `--sheet`, a hidden sheet never is).
    pub hidden: Vec<String>,
    /// The header row: its index among the rows of `range`.
    pub header: usize,
    /// Non-empty rows above the header row (a title), not imported.
    pub above: usize,
}

/// Whether a row names at least one column (a header row does; a title row does not).
fn names_a_column(table: &dyn Table, cells: &[Data]) -> bool {
    cells
        .iter()
        .any(|c| matches!(c, Data::String(s) if matches!(table.named(s.trim()), Named::Column(_))))
}

/// The header row of `range`: the first of the first [`HEADER_SEARCH`] non-empty rows that names
/// a column, else the first non-empty row (whose unknown columns are then reported). With the
/// non-empty rows above it.
fn header_row(table: &dyn Table, range: &Range<Data>) -> (usize, usize) {
    let filled: Vec<(usize, &[Data])> = range
        .rows()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
        .take(HEADER_SEARCH)
        .collect();
    filled
        .iter()
        .enumerate()
        .find(|(_, (_, r))| names_a_column(table, r))
        .map(|(above, (i, _))| (*i, above))
        .or_else(|| filled.first().map(|(i, _)| (*i, 0)))
        .unwrap_or((0, 0))
}

/// Opens the workbook in `bytes` and reads the sheet `name`, or the first visible worksheet.
pub fn open(table: &dyn Table, bytes: &[u8], name: Option<&str>) -> Result<Sheet, Problem> {
    let fail = |e: String| Problem::new(0, None, Issue::Spreadsheet(e));
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::new(1, None, Issue::EmptyFile));
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| fail(e.to_string()))?;
    let sheets = book.sheet_names();
    let meta = book.sheets_metadata().to_vec();
    let shown = |s: &calamine::Sheet| s.visible == SheetVisible::Visible;
    let mut hidden = Vec::new();
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
        None => {
            let worksheets = || meta.iter().filter(|s| s.typ == SheetType::WorkSheet);
            match worksheets().find(|s| shown(s)) {
                Some(s) => {
                    hidden = worksheets()
                        .take_while(|w| w.name != s.name)
                        .map(|w| w.name.clone())
                        .collect();
                    s.name.clone()
                }
                None if worksheets().next().is_some() => {
                    let hidden = worksheets()
                        .map(|w| w.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(Problem::new(0, None, Issue::NoVisibleSheet { hidden }));
                }
                None => sheets
                    .first()
                    .cloned()
                    .ok_or_else(|| Problem::new(0, None, Issue::EmptyFile))?,
            }
        }
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| fail(format!("{name}: {e}")))?;
    // A workbook format without formulas (or one calamine cannot read them from) has none to
    // check: its cells are values.
    let formulas = book.worksheet_formula(&name).unwrap_or_default();
    let (header, above) = header_row(table, &range);
    Ok(Sheet {
        name,
        range,
        formulas,
        hidden,
        header,
        above,
    })
}

/// The formula of the cell at `(row, col)` (absolute positions), if it has one but no saved result.
fn unsaved_formula(sheet: &Sheet, cell: &Data, pos: (u32, u32)) -> Option<String> {
    let empty = match cell {
        Data::Empty => true,
        Data::String(s) => s.is_empty(),
        _ => false,
    };
    if !empty {
        return None;
    }
    sheet
        .formulas
        .get_value(pos)
        .filter(|f| !f.trim().is_empty())
        // Newer functions are stored with a prefix Excel does not show.
        .map(|f| f.replace("_xlfn.", "").replace("_xlws.", ""))
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
pub fn scan(
    table: &dyn Table,
    sheet: &Sheet,
    ignore_unknown: bool,
    each: &mut Each<'_>,
) -> Vec<Problem> {
    let (first_row, first_col) = sheet.range.start().unwrap_or((0, 0));
    let mut rows = sheet
        .range
        .rows()
        .enumerate()
        .skip(sheet.header)
        .map(|(i, r)| (u64::from(first_row) + i as u64 + 1, r));
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
    let sheet_at = Some(At::Cell {
        sheet: sheet.name.clone(),
        col: None,
    });
    let map = match resolve_header(table, &header, header_line, ignore_unknown) {
        Ok(m) => m,
        Err(p) => return p.into_iter().map(|p| p.at(sheet_at.clone())).collect(),
    };
    let mut cols = vec![None; table.width()];
    for (i, slot) in map.slots.iter().enumerate() {
        if let Slot::Column(c) = slot {
            cols[*c] = u32::try_from(i).ok().map(|i| first_col + i);
        }
    }
    let at = RowAt::Sheet {
        name: &sheet.name,
        cols: &cols,
    };
    let cell_at = |i: usize| {
        Some(At::Cell {
            sheet: sheet.name.clone(),
            col: u32::try_from(i).ok().map(|i| first_col + i),
        })
    };
    for (line, cells) in rows {
        let raw: Vec<String> = texts(cells);
        let row_pos = u32::try_from(line - 1).unwrap_or(u32::MAX);
        let formula_at = |i: usize, cell: &Data| {
            let col = first_col + u32::try_from(i).unwrap_or(u32::MAX - first_col);
            unsaved_formula(sheet, cell, (row_pos, col))
        };
        let has_formula = cells
            .iter()
            .enumerate()
            .any(|(i, c)| formula_at(i, c).is_some());
        if !has_formula && raw.iter().all(|t| t.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            line,
            cells: no_cells(table.width()),
            given: map.given,
            skip: ColumnSet::default(),
            problems: Vec::new(),
            names: &map.names,
            raw: Raw::Sheet {
                header: &header,
                cells: Vec::new(),
            },
            offset: line,
            at,
        };
        for (i, (cell, slot)) in cells.iter().zip(&map.slots).enumerate() {
            if let (Slot::Column(c), Some(formula)) = (slot, formula_at(i, cell)) {
                row.problems.push(
                    Problem::new(
                        line,
                        Some(&map.names[*c]),
                        Issue::FormulaWithoutValue { formula },
                    )
                    .at(cell_at(i)),
                );
                row.skip.insert(*c);
                continue;
            }
            match (slot, cell_text(cell)) {
                (Slot::Column(c), Ok(t)) => row.cells[*c] = Some(Cow::Owned(t)),
                (Slot::Column(c), Err(e)) => {
                    row.problems.push(
                        Problem::new(line, Some(&map.names[*c]), Issue::CellError { value: e })
                            .at(cell_at(i)),
                    );
                    row.skip.insert(*c);
                }
                (Slot::Unnamed, _) if !ignore_unknown && !raw[i].trim().is_empty() => {
                    row.problems.push(
                        Problem::new(line, Some(&format!("#{}", i + 1)), Issue::Unnamed)
                            .at(cell_at(i)),
                    );
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
    use crate::import::columns::CASES;

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
        let p = open(&CASES, b"PK\x03\x04 not really a zip", None).unwrap_err();
        assert!(matches!(p.issue, Issue::Spreadsheet(_)), "{p:?}");
        assert_eq!(open(&CASES, b"", None).unwrap_err().issue, Issue::EmptyFile);
    }
}
