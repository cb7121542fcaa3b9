//! Reading an input: the file's bytes (or standard input), its format, and the rows of any format as
//! one kind of `Row`. The per-format readers live beside this file; nothing here validates a case.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::import::problem::Problem;

use crate::import::columns::CASES;
pub use crate::import::row::{Each, HeaderMap, Raw, Row, RowAt, Slot, resolve_header, text_of};
use crate::import::table::Table;
use crate::import::{from_csv, from_json, from_xlsx};

/// The formats pantau imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-, semicolon- or tab-separated values, UTF-8 (with or without BOM) or UTF-16 with BOM.
    Csv,
    /// An array of objects.
    Json,
    /// One object per line.
    Jsonl,
    /// The first sheet (or `--sheet NAME`) of an Excel workbook.
    Xlsx,
}

impl Format {
    /// The format a file name's extension names.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "tsv" | "txt" => Format::Csv,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "xlsx" | "xlsm" | "xls" | "ods" => Format::Xlsx,
            _ => return None,
        })
    }

    /// The format of bytes read from standard input: a zip archive is a workbook, `[` or `{` JSON,
    /// anything else CSV.
    pub fn sniff(bytes: &[u8]) -> Format {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            _ if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") => {
                Format::Xlsx
            }
            Some(b'[') => Format::Json,
            Some(b'{') => Format::Jsonl,
            _ => Format::Csv,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Xlsx => "xlsx",
        }
    }
}

/// One input file, read whole: its bytes are hashed, checked and written from the same copy, so
/// the file cannot change between the check and the write.
pub struct Input {
    /// The path as given, `-` for standard input.
    pub arg: String,
    /// How messages name it: the path as given, or `<stdin>`.
    pub name: String,
    pub path: Option<PathBuf>,
    pub format: Format,
    pub bytes: Vec<u8>,
    pub sha256: String,
    /// The columns the file is read with (cases, campaign activities).
    pub table: &'static dyn Table,
    /// The sheet of a workbook, opened once.
    pub(crate) sheet: Option<std::result::Result<from_xlsx::Sheet, Problem>>,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input")
            .field("name", &self.name)
            .field("format", &self.format)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Input {
    /// Reads the case file `arg` (a path, or `-` for standard input) in `format`, else the
    /// format its extension (or, for standard input, its first bytes) names. An unknown extension
    /// is a usage error.
    pub fn load(arg: &str, format: Option<Format>, sheet: Option<&str>) -> Result<Input> {
        Input::load_with(&CASES, arg, format, sheet)
    }

    /// Reads `arg` as [`Input::load`] does, its columns those of `table`.
    pub fn load_with(
        table: &'static dyn Table,
        arg: &str,
        format: Option<Format>,
        sheet: Option<&str>,
    ) -> Result<Input> {
        let by_extension = |p: &Path| {
            Format::from_extension(p).ok_or_else(|| {
                let m = Core::FormatUnknown { arg };
                Error::usage(m.text(Lang::Id), m.text(Lang::En))
            })
        };
        let (name, path, bytes, format) = if arg == "-" {
            let bytes = crate::fsread::read_bounded(std::io::stdin().lock(), crate::fsread::IMPORT)
                .map_err(|refusal| crate::fsread::ReadError {
                    path: PathBuf::from("<stdin>"),
                    refusal,
                })?;
            let format = format.unwrap_or_else(|| Format::sniff(&bytes));
            ("<stdin>".to_string(), None, bytes, format)
        } else {
            let path = PathBuf::from(arg);
            let format = match format {
                Some(f) => f,
                None => by_extension(&path)?,
            };
            let bytes = crate::fsread::read(&path, crate::fsread::IMPORT)?;
            (arg.to_string(), Some(path), bytes, format)
        };
        if sheet.is_some() && format != Format::Xlsx {
            return Err({
                let m = Core::SheetNotXlsx { arg };
                Error::usage(m.text(Lang::Id), m.text(Lang::En))
            });
        }
        let sha256 = format!("{:x}", Sha256::digest(&bytes));
        let sheet = (format == Format::Xlsx).then(|| from_xlsx::open(table, &bytes, sheet));
        Ok(Input {
            arg: arg.to_string(),
            name,
            path,
            format,
            bytes,
            sha256,
            table,
            sheet,
        })
    }

    /// How the batch records the source: the name, and the sheet of a workbook.
    pub fn source_name(&self) -> String {
        match &self.sheet {
            Some(Ok(sheet)) => format!("{} [{}]", self.name, sheet.name),
            _ => self.name.clone(),
        }
    }

    /// What a person should know about how the file was read: hidden sheets not read, lines
    /// above the header row not imported. Empty for a plain file.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let id = lang == Lang::Id;
        let mut out = Vec::new();
        let title = |line: u64, above: u64| {
            if id {
                format!(
                    "baris judul kolom ada di baris {line}; {above} baris di atasnya (judul?) tidak diimpor"
                )
            } else {
                format!(
                    "the header row is line {line}; the {above} line(s) above it (a title?) were not imported"
                )
            }
        };
        match (&self.sheet, self.format) {
            (Some(Ok(sheet)), _) => {
                if !sheet.hidden.is_empty() {
                    let names = sheet.hidden.join(", ");
                    out.push(if id {
                        format!(
                            "lembar tersembunyi dilewati: {names}; lembar yang dibaca: {}",
                            sheet.name
                        )
                    } else {
                        format!(
                            "hidden sheets skipped: {names}; the sheet read: {}",
                            sheet.name
                        )
                    });
                }
                if sheet.above > 0 {
                    let line = sheet.range.start().map_or(0, |(r, _)| u64::from(r))
                        + sheet.header as u64
                        + 1;
                    out.push(title(line, sheet.above as u64));
                }
            }
            (_, Format::Csv) => {
                if let Ok(text) = text_of(&self.bytes) {
                    let layout = from_csv::layout(self.table, &text);
                    if layout.above > 0 {
                        out.push(title(layout.line, layout.above));
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// A case file from bytes already in memory (tests, benches).
    pub fn from_bytes(name: &str, format: Format, bytes: Vec<u8>) -> Input {
        Input::from_bytes_with(&CASES, name, format, bytes)
    }

    /// A file of `table`'s columns from bytes already in memory.
    pub fn from_bytes_with(
        table: &'static dyn Table,
        name: &str,
        format: Format,
        bytes: Vec<u8>,
    ) -> Input {
        let sha256 = format!("{:x}", Sha256::digest(&bytes));
        let sheet = (format == Format::Xlsx).then(|| from_xlsx::open(table, &bytes, None));
        Input {
            arg: name.to_string(),
            name: name.to_string(),
            path: Some(PathBuf::from(name)),
            format,
            bytes,
            sha256,
            table,
            sheet,
        }
    }
}

/// Hands every row of `input` to `each`, in file order. Returns the problems that make the whole
/// file unreadable (a header that cannot be matched, broken JSON); rows already handed over stay valid.
pub fn scan(input: &Input, ignore_unknown: bool, each: &mut Each<'_>) -> Vec<Problem> {
    let table = input.table;
    match input.format {
        Format::Csv => from_csv::scan(table, &input.bytes, ignore_unknown, each),
        Format::Json | Format::Jsonl => from_json::scan(table, &input.bytes, ignore_unknown, each),
        Format::Xlsx => match &input.sheet {
            Some(Ok(sheet)) => from_xlsx::scan(table, sheet, ignore_unknown, each),
            Some(Err(p)) => vec![p.clone()],
            None => from_xlsx::open(table, &input.bytes, None).map_or_else(
                |p| vec![p],
                |s| from_xlsx::scan(table, &s, ignore_unknown, each),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::Column;
    use crate::import::problem::Issue;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn formats_come_from_the_extension_or_the_first_bytes() {
        assert_eq!(
            Format::from_extension(Path::new("a/B.CSV")),
            Some(Format::Csv)
        );
        assert_eq!(
            Format::from_extension(Path::new("x.jsonl")),
            Some(Format::Jsonl)
        );
        assert_eq!(
            Format::from_extension(Path::new("x.xlsx")),
            Some(Format::Xlsx)
        );
        assert_eq!(Format::from_extension(Path::new("x.pdf")), None);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF nomor;status"), Format::Csv);
        assert_eq!(Format::sniff(b"  [{}]"), Format::Json);
        assert_eq!(Format::sniff(b"{}\n{}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"PK\x03\x04...."), Format::Xlsx);
    }

    #[test]
    fn a_header_names_each_column_once_and_every_required_one() {
        let h = resolve_header(
            &CASES,
            &names(&[
                "Nomor",
                "source",
                "Region",
                "tahapan",
                "Received Date",
                "STATUS",
                "",
                "alasan",
            ]),
            1,
            false,
        )
        .unwrap();
        assert_eq!(h.slots[0], Slot::Column(Column::Nomor.index()));
        assert_eq!(h.slots[6], Slot::Unnamed);
        assert_eq!(h.slots[7], Slot::Ignore);
        assert_eq!(h.names[Column::TanggalDiterima.index()], "Received Date");

        let err = resolve_header(
            &CASES,
            &names(&["nomor", "number", "catatn", "status"]),
            3,
            false,
        )
        .unwrap_err();
        let msgs: Vec<String> = err
            .iter()
            .map(|p| p.display("f.csv", crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            msgs[0],
            "f.csv:3: column \"number\": the same column as \"nomor\"; remove one of them"
        );
        assert!(
            msgs[1].starts_with("f.csv:3: column \"catatn\": unknown column"),
            "{}",
            msgs[1]
        );
        assert!(
            msgs.contains(&"f.csv:3: column \"sumber\": required column is missing".to_string()),
            "{msgs:?}"
        );
        assert_eq!(err.len(), 2 + 4);
        assert!(
            resolve_header(&CASES, &names(&["nomor", "catatn"]), 1, true)
                .unwrap_err()
                .iter()
                .all(|p| p.issue == Issue::MissingColumn)
        );
    }

    #[test]
    fn byte_order_marks_are_removed_and_utf16_becomes_utf8() {
        assert_eq!(&*text_of(b"\xEF\xBB\xBFa;b").unwrap(), b"a;b");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(&*text_of(&le).unwrap(), b"a\tb");
    }
}
