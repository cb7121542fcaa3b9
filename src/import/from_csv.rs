//! CSV rows: comma, semicolon or tab (detected from the header line), quoted fields with embedded
//! separators, quotes and newlines, each row with the line it starts on.

use csv::ByteRecord;
use std::borrow::Cow;

use crate::import::problem::{Issue, Problem};
use crate::import::row::{Each, Raw, Row, RowAt, Slot, no_cells, resolve_header, text_of};
use crate::import::table::{ColumnSet, Named, Table};

/// The separator of the header line: the most frequent of `,`, `;` and tab outside quotes
/// (a comma when there is none).
pub fn detect_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// The longest first line read as a header row (or a title above it): a header of every column
/// pantau knows, quoted, is under 2 KiB.
pub const MAX_FIRST_LINE: usize = 64 * 1024;

/// How many non-blank lines are searched for the header row.
pub const HEADER_SEARCH: u64 = 10;

/// Where a CSV file's header row is and how its fields are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub delimiter: u8,
    /// The byte where the header row starts.
    pub start: usize,
    /// The line of the header row.
    pub line: u64,
    /// Non-blank lines above the header row (a title), not imported.
    pub above: u64,
    /// Whether the first line was Excel's `sep=;`, which says the separator.
    pub sep_line: bool,
}

/// Whether a line, split at `delimiter`, names at least one column (a header row does; a title
/// such as `Rekap Pelanggaran Januari 2024` does not).
pub fn names_a_column(table: &dyn Table, line: &[u8], delimiter: u8) -> bool {
    line.split(|&b| b == delimiter).any(|field| {
        let text = String::from_utf8_lossy(field);
        let name = text.trim().trim_matches('"');
        matches!(table.named(name), Named::Column(_))
    })
}

/// Finds the header row: after Excel's `sep=;` line (whose separator is then used), the first of
/// the first [`HEADER_SEARCH`] non-blank lines that names a column; if none does, the first line,
/// whose unknown columns are then reported.
pub fn layout(table: &dyn Table, text: &[u8]) -> Layout {
    let line_end = |from: usize| {
        text[from..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| from + i)
    };
    let mut start = 0;
    let mut line = 1;
    let mut forced = None;
    let first_end = line_end(0);
    let first = text[..first_end].trim_ascii();
    if first.len() == 5 && first[..4].eq_ignore_ascii_case(b"sep=") {
        forced = Some(first[4]);
        start = (first_end + 1).min(text.len());
        line = 2;
    }
    let fallback = Layout {
        delimiter: forced.unwrap_or_else(|| detect_delimiter(&text[start..])),
        start,
        line,
        above: 0,
        sep_line: forced.is_some(),
    };
    let (mut at, mut n, mut seen) = (start, line, 0);
    while at < text.len() && seen < HEADER_SEARCH {
        let end = line_end(at);
        let this = &text[at..end];
        // A line of separators only (an empty spreadsheet row) is blank too.
        let empty = this
            .iter()
            .all(|b| b.is_ascii_whitespace() || matches!(b, b',' | b';' | b'\t' | b'"'));
        if !empty {
            let delimiter = forced.unwrap_or_else(|| detect_delimiter(this));
            if names_a_column(table, this, delimiter) {
                return Layout {
                    delimiter,
                    start: at,
                    line: n,
                    above: seen,
                    sep_line: forced.is_some(),
                };
            }
            seen += 1;
        }
        at = end + 1;
        n += 1;
    }
    fallback
}

/// Whether `tail` (the last record to the end of the file) ends inside a quoted field, which the
/// CSV reader would silently take as one long field holding every line after it.
fn ends_in_open_quote(tail: &[u8], delimiter: u8) -> bool {
    let (mut quoted, mut at_start, mut i) = (false, true, 0);
    while i < tail.len() {
        let b = tail[i];
        if quoted {
            if b == b'"' {
                if tail.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if at_start && b == b'"' {
            quoted = true;
            at_start = false;
        } else {
            at_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    quoted
}

/// Line numbers of byte offsets, counted once through the text. (The CSV reader's own line
/// numbers are one short after a CRLF line end, as Excel writes them.)
struct Lines<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    /// The line of the record whose position is `byte` (skipping the end of the line before it)
    /// and the offset where it really starts.
    fn of(&mut self, byte: u64) -> (u64, usize) {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.at {
            self.line += self.text[self.at..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.at = start;
        }
        (self.line, start)
    }
}

fn blank(field: &[u8]) -> bool {
    field.iter().all(u8::is_ascii_whitespace)
}

/// Hands every non-blank row of a CSV file to `each`.
pub fn scan(
    table: &dyn Table,
    bytes: &[u8],
    ignore_unknown: bool,
    each: &mut Each<'_>,
) -> Vec<Problem> {
    let text = match text_of(bytes) {
        Ok(t) => t,
        Err(p) => return vec![p],
    };
    if blank(&text) {
        return vec![Problem::new(1, None, Issue::EmptyFile)];
    }
    // A file that is not text (an image, a database, zeros) stops here, before a reader holds
    // a line of it the size of the file, or a message quotes one.
    if let Some(at) = text.iter().position(|&b| b == 0) {
        let line = 1 + text[..at].iter().filter(|&&b| b == b'\n').count() as u64;
        return vec![Problem::new(line, None, Issue::Binary)];
    }
    let first = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    if first > MAX_FIRST_LINE {
        return vec![Problem::new(1, None, Issue::LongFirstLine { bytes: first })];
    }
    let layout = layout(table, &text);
    let delimiter = layout.delimiter;
    let text = &text[layout.start..];
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let csv_problem = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line()) + layout.line - 1;
        Problem::new(line, None, Issue::Csv(e.to_string()))
    };
    let mut header = ByteRecord::new();
    match rdr.read_byte_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return vec![Problem::new(1, None, Issue::EmptyFile)],
        Err(e) => return vec![csv_problem(e)],
    }
    let mut lines = Lines {
        text,
        at: 0,
        line: layout.line,
    };
    let header_line = lines.of(header.position().map_or(0, |p| p.byte())).0;
    let mut names = Vec::with_capacity(header.len());
    for field in &header {
        match std::str::from_utf8(field) {
            Ok(s) => names.push(s.to_string()),
            Err(_) => return vec![Problem::new(header_line, None, Issue::NotUtf8)],
        }
    }
    let map = match resolve_header(table, &names, header_line, ignore_unknown) {
        Ok(m) => m,
        Err(problems) => return problems,
    };
    let (mut cur, mut next) = (ByteRecord::new(), ByteRecord::new());
    let mut have = match rdr.read_byte_record(&mut cur) {
        Ok(h) => h,
        Err(e) => return vec![csv_problem(e)],
    };
    while have {
        // Read one record ahead: the last record is checked for a quote that is never closed.
        let more = match rdr.read_byte_record(&mut next) {
            Ok(m) => m,
            Err(e) => return vec![csv_problem(e)],
        };
        if !cur.iter().all(blank) {
            let (line, start) = lines.of(cur.position().map_or(0, |p| p.byte()));
            let offset = (layout.start + start) as u64;
            let mut problems = Vec::new();
            let mut cells = no_cells(table.width());
            let mut skip = ColumnSet::default();
            if !more && ends_in_open_quote(&text[start..], delimiter) {
                problems.push(Problem::new(line, None, Issue::UnterminatedQuote));
            }
            let extra = cur.iter().skip(map.slots.len()).any(|f| !blank(f));
            if cur.iter().eq(header.iter()) {
                // Two files joined by hand: one problem for the line, not one per column.
                problems.push(Problem::new(
                    line,
                    None,
                    Issue::RepeatedHeader { first: header_line },
                ));
                skip = ColumnSet::ALL;
            } else if cur.len() < map.slots.len() || extra {
                problems.push(Problem::new(
                    line,
                    None,
                    Issue::FieldCount {
                        found: cur.len(),
                        expected: map.slots.len(),
                    },
                ));
                skip = ColumnSet::ALL;
            } else {
                for (i, (field, slot)) in cur.iter().zip(&map.slots).enumerate() {
                    match slot {
                        Slot::Column(c) => match std::str::from_utf8(field) {
                            Ok(s) => cells[*c] = Some(Cow::Borrowed(s)),
                            Err(_) => {
                                problems.push(Problem::new(
                                    line,
                                    Some(&map.names[*c]),
                                    Issue::NotUtf8,
                                ));
                                skip.insert(*c);
                            }
                        },
                        Slot::Unnamed if !ignore_unknown && !blank(field) => {
                            problems.push(Problem::new(
                                line,
                                Some(&format!("#{}", i + 1)),
                                Issue::Unnamed,
                            ));
                        }
                        Slot::Unnamed | Slot::Ignore => {}
                    }
                }
            }
            let row = Row {
                line,
                cells,
                given: map.given,
                skip,
                problems,
                names: &map.names,
                raw: Raw::Csv {
                    header: &header,
                    record: &cur,
                    delimiter,
                },
                offset,
                at: RowAt::Line,
            };
            if each(row).is_break() {
                return Vec::new();
            }
        }
        std::mem::swap(&mut cur, &mut next);
        have = more;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::import::columns::{CASES, Column};

    const HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian";

    type Rows = Vec<(u64, Vec<String>, Vec<Issue>)>;

    fn rows(text: &str) -> (Rows, Vec<Problem>) {
        let mut out = Vec::new();
        let fatal = scan(&CASES, text.as_bytes(), false, &mut |row: Row<'_>| {
            let uraian = row.cells[Column::Uraian.index()]
                .as_deref()
                .unwrap_or("-")
                .to_string();
            let nomor = row.cells[Column::Nomor.index()]
                .as_deref()
                .unwrap_or("-")
                .to_string();
            out.push((
                row.line,
                vec![nomor, uraian],
                row.problems.into_iter().map(|p| p.issue).collect(),
            ));
            ControlFlow::Continue(())
        });
        (out, fatal)
    }

    #[test]
    fn separators_are_detected_from_the_header() {
        assert_eq!(detect_delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter(b"a,b,c\n"), b',');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;x\",b,c"), b',');
        assert_eq!(detect_delimiter(b"nomor"), b',');
    }

    #[test]
    fn quoted_newlines_and_quotes_keep_their_text_and_the_line_numbers() {
        let text = format!(
            "{HEAD}\nA,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,\"baris satu\nbaris \"\"dua\"\"\"\nB,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,x\n"
        );
        let (rows, fatal) = rows(&text);
        assert!(fatal.is_empty());
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1[1], "baris satu\nbaris \"dua\"");
        assert_eq!(
            rows[1].0, 4,
            "the row after a two-line field starts on line 4"
        );
        assert!(rows.iter().all(|r| r.2.is_empty()));
    }

    #[test]
    fn a_quote_never_closed_is_reported_on_its_line() {
        let text = format!(
            "{HEAD}\nA,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,\"never closed\nB,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,x\n"
        );
        let (rows, _) = rows(&text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].2, vec![Issue::UnterminatedQuote]);
    }

    #[test]
    fn a_header_repeated_below_is_one_problem_on_its_line() {
        let text = format!("{HEAD}\nA,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,x\n{HEAD}\n");
        let (rows, fatal) = rows(&text);
        assert!(fatal.is_empty(), "{fatal:?}");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[1].0, 3);
        assert_eq!(rows[1].2, vec![Issue::RepeatedHeader { first: 1 }]);
    }

    #[test]
    fn short_rows_blank_rows_and_bad_bytes() {
        let mut bytes = format!(
            "{HEAD}\nA,temuan\n;;\n,,,,,,\nC,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,caf"
        )
        .into_bytes();
        bytes.extend_from_slice(b"\xE9\n");
        let mut lines = Vec::new();
        scan(&CASES, &bytes, false, &mut |row: Row<'_>| {
            lines.push((
                row.line,
                row.problems
                    .into_iter()
                    .map(|p| p.issue)
                    .collect::<Vec<_>>(),
            ));
            ControlFlow::Continue(())
        });
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(
            lines[0],
            (
                2,
                vec![Issue::FieldCount {
                    found: 2,
                    expected: 7
                }]
            )
        );
        assert_eq!(
            lines[1],
            (
                3,
                vec![Issue::FieldCount {
                    found: 1,
                    expected: 7
                }]
            )
        );
        assert_eq!(lines[2], (5, vec![Issue::NotUtf8]));
    }

    #[test]
    fn line_numbers_count_crlf_line_ends_once() {
        let text = format!(
            "{}\r\nA,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,\"x\r\ny\"\r\nB,temuan,64,KAMPANYE,2024-01-01,PENELUSURAN,z\r\n",
            HEAD
        );
        let (rows, _) = rows(&text);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(rows[0].1[1], "x\r\ny");
    }

    #[test]
    fn an_empty_file_and_a_bad_header_stop_the_file() {
        assert_eq!(rows("").1[0].issue, Issue::EmptyFile);
        assert_eq!(rows("\u{feff}  \n").1[0].issue, Issue::EmptyFile);
        let (r, fatal) = rows("nomor;status\n1;DITERIMA\n");
        assert!(r.is_empty());
        assert_eq!(fatal.len(), 4, "four required columns missing: {fatal:?}");
        let (r, fatal) = rows(&format!("{HEAD}\n"));
        assert!(
            r.is_empty() && fatal.is_empty(),
            "a header alone is an empty import, not an error"
        );
    }
}
