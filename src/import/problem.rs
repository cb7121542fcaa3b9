//! What can be wrong with an input file, as `FILE:LINE: column "x": message` in either language.
//! Only messages here; finding the problems is the readers' and the validator's work.

use crate::i18n::Lang;

/// One thing wrong with a file, a row or a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The file has no bytes (or only a byte-order mark and white space).
    EmptyFile,
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The CSV reader failed.
    Csv(String),
    /// The JSON is malformed.
    Json(String),
    /// The spreadsheet could not be read.
    Spreadsheet(String),
    /// A JSON value where an object (a row) was expected.
    NotAnObject {
        found: &'static str,
    },
    /// A CSV row with fewer fields than the header.
    FieldCount {
        found: usize,
        expected: usize,
    },
    /// A quoted field that is never closed.
    UnterminatedQuote,
    UnknownColumn {
        suggestion: Option<&'static str>,
    },
    /// A value under a column whose header cell is empty.
    Unnamed,
    /// The sheet asked for with `--sheet` is not in the workbook.
    NoSheet {
        name: String,
        sheets: String,
    },
    /// The same column named twice (e.g. `status` and `Status`, or `nomor` and `number`).
    DuplicateColumn {
        first: String,
    },
    MissingColumn,
    Required,
    TooLong {
        bytes: usize,
        max: usize,
    },
    BadDate {
        value: String,
    },
    FutureDate {
        value: String,
        today: String,
    },
    /// A date before another date of the case that must come first.
    DateBefore {
        value: String,
        other: &'static str,
        other_value: String,
    },
    BadBool {
        value: String,
    },
    UnknownRegion {
        value: String,
        suggestion: Option<String>,
    },
    UnknownStage {
        value: String,
        suggestion: Option<String>,
    },
    /// An unknown code of one of the fixed lists.
    UnknownCode {
        list: CodeList,
        value: String,
        suggestion: Option<&'static str>,
    },
    /// A JSON value of the wrong type (an object or array where text was expected).
    WrongType {
        found: &'static str,
    },
    /// A spreadsheet cell holding an error (`#N/A`, `#REF!`).
    CellError {
        value: String,
    },
    /// The same intake number on two lines of one file.
    DuplicateNomor {
        value: String,
        first_line: u64,
        line: u64,
    },
    /// The other line of a duplicate intake number (for the file of rejected rows).
    DuplicateOf {
        value: String,
        other_line: u64,
    },
    /// One intake number written two ways in one file (case, spaces, invisible characters,
    /// dash or slash forms): one case, not two.
    NearDuplicateNomor {
        value: String,
        first: String,
        first_line: u64,
    },
    /// A formula cell without a saved result (a file written by a script, never opened in Excel).
    FormulaWithoutValue {
        formula: String,
    },
    /// A date whose year cannot be a case's: outside `min..=max`.
    ImplausibleYear {
        value: String,
        min: i32,
        max: i32,
    },
    /// A two-digit year that is not one of 2000 to `max` (`dd/mm/yy`).
    ShortYear {
        value: String,
        max: i32,
    },
    /// A workbook whose every worksheet is hidden, read without `--sheet`.
    NoVisibleSheet {
        hidden: String,
    },
}

/// Where in a file a problem is, besides its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// The object of a JSON array or JSON Lines file, counted from 1.
    Object(u64),
    /// A sheet of a workbook and, when the problem concerns one cell, its column (from 0).
    Cell { sheet: String, col: Option<u32> },
}

/// A spreadsheet column's letters: 0 is `A`, 26 is `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The fixed code lists a cell may name a value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeList {
    Source,
    Status,
    ViolationType,
    PartyCategory,
    Forwarding,
}

impl CodeList {
    /// What the list is called in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            CodeList::Source => lang.pick("sumber", "source"),
            CodeList::Status => "status",
            CodeList::ViolationType => lang.pick("jenis", "type"),
            CodeList::PartyCategory => lang.pick("kategori terlapor", "reported-party category"),
            CodeList::Forwarding => lang.pick("tujuan penerusan", "forwarding destination"),
        }
    }

    /// Every code of the list.
    pub fn codes(self) -> Vec<&'static str> {
        use crate::domain::{Forwarding, PartyCategory, Source, Status, ViolationType};
        match self {
            CodeList::Source => Source::ALL.iter().map(|v| v.code()).collect(),
            CodeList::Status => Status::ALL.iter().map(|v| v.code()).collect(),
            CodeList::ViolationType => ViolationType::ALL.iter().map(|v| v.code()).collect(),
            CodeList::PartyCategory => PartyCategory::ALL.iter().map(|v| v.code()).collect(),
            CodeList::Forwarding => Forwarding::ALL.iter().map(|v| v.code()).collect(),
        }
    }
}

/// An issue at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    /// The column as the file names it, if the issue concerns one.
    pub column: Option<String>,
    pub issue: Issue,
    /// The object or sheet cell, for formats where a line alone does not say.
    pub at: Option<Box<At>>,
}

impl Problem {
    pub fn new(line: u64, column: Option<&str>, issue: Issue) -> Problem {
        Problem {
            line,
            column: column.map(str::to_string),
            issue,
            at: None,
        }
    }

    /// The problem at an object or cell (unless it already names one).
    pub fn at(mut self, at: Option<At>) -> Problem {
        if self.at.is_none() {
            self.at = at.map(Box::new);
        }
        self
    }

    /// `column "x": message`, or just the message.
    pub fn reason(&self, lang: Lang) -> String {
        match &self.column {
            Some(c) => format!(
                "{} \"{c}\": {}",
                lang.pick("kolom", "column"),
                self.issue.message(lang)
            ),
            None => self.issue.message(lang),
        }
    }

    /// `FILE:LINE: column "x": message` (`FILE: message` for the file as a whole).
    /// `FILE:LINE: object #N: ...` for JSON, `FILE:Sheet!E7: ...` for a cell of a workbook.
    pub fn display(&self, file: &str, lang: Lang) -> String {
        let line = self.line;
        match self.at.as_deref() {
            _ if line == 0 => format!("{file}: {}", self.reason(lang)),
            None => format!("{file}:{line}: {}", self.reason(lang)),
            Some(At::Object(n)) => format!(
                "{file}:{line}: {} #{n}: {}",
                lang.pick("objek", "object"),
                self.reason(lang)
            ),
            Some(At::Cell {
                sheet,
                col: Some(c),
            }) => format!(
                "{file}:{sheet}!{}{line}: {}",
                column_letters(*c),
                self.reason(lang)
            ),
            Some(At::Cell { sheet, col: None }) => format!(
                "{file}:{sheet}: {} {line}: {}",
                lang.pick("baris", "row"),
                self.reason(lang)
            ),
        }
    }
}

fn shorten(value: &str) -> String {
    const MAX: usize = 60;
    let one_line = value.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= MAX {
        return one_line;
    }
    let cut: String = one_line.chars().take(MAX).collect();
    format!("{cut}…")
}

impl Issue {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Issue::EmptyFile => lang
                .pick(
                    "berkas kosong: tidak ada baris judul",
                    "the file is empty: no header row",
                )
                .into(),
            Issue::NotUtf8 => lang
                .pick(
                    "bukan teks UTF-8; simpan ulang berkas sebagai \"CSV UTF-8\"",
                    "not UTF-8 text; save the file again as \"CSV UTF-8\"",
                )
                .into(),
            Issue::Csv(e) => format!("{}: {e}", lang.pick("CSV tidak terbaca", "unreadable CSV")),
            Issue::Json(e) => format!("{}: {e}", lang.pick("JSON tidak valid", "invalid JSON")),
            Issue::Spreadsheet(e) => format!(
                "{}: {e}",
                lang.pick("lembar kerja tidak terbaca", "unreadable spreadsheet")
            ),
            Issue::NotAnObject { found } => {
                if id {
                    format!("setiap baris harus berupa objek JSON, ditemukan {found}")
                } else {
                    format!("each row must be a JSON object, found {found}")
                }
            }
            Issue::FieldCount { found, expected } => {
                if id {
                    format!(
                        "baris ini punya {found} kolom, baris judul {expected} (tanda kutip atau pemisah hilang?)"
                    )
                } else {
                    format!(
                        "this row has {found} fields, the header {expected} (a missing quote or separator?)"
                    )
                }
            }
            Issue::UnterminatedQuote => lang
                .pick(
                    "tanda kutip dibuka di baris ini tetapi tidak pernah ditutup",
                    "a quote opened on this line is never closed",
                )
                .into(),
            Issue::UnknownColumn { suggestion } => {
                let base = lang.pick("kolom tidak dikenal", "unknown column");
                let hint = lang.pick(
                    "(--ignore-unknown untuk melewatinya)",
                    "(--ignore-unknown to skip it)",
                );
                match suggestion {
                    Some(s) => format!(
                        "{base} — {} \"{s}\"? {hint}",
                        lang.pick("maksud Anda", "did you mean")
                    ),
                    None => format!("{base} {hint}"),
                }
            }
            Issue::Unnamed => lang
                .pick(
                    "ada isi di kolom tanpa judul (--ignore-unknown untuk melewatinya)",
                    "a value in a column without a header (--ignore-unknown to skip it)",
                )
                .into(),
            Issue::NoSheet { name, sheets } => {
                if id {
                    format!("lembar \"{name}\" tidak ada (lembar yang ada: {sheets})")
                } else {
                    format!("no sheet \"{name}\" (the sheets are: {sheets})")
                }
            }
            Issue::DuplicateColumn { first } => {
                if id {
                    format!("kolom yang sama dengan \"{first}\"; hapus salah satunya")
                } else {
                    format!("the same column as \"{first}\"; remove one of them")
                }
            }
            Issue::MissingColumn => lang
                .pick("kolom wajib tidak ada", "required column is missing")
                .into(),
            Issue::Required => lang
                .pick("wajib diisi, tetapi kosong", "required, but empty")
                .into(),
            Issue::TooLong { bytes, max } => {
                if id {
                    format!("isi terlalu panjang: {bytes} byte (paling banyak {max})")
                } else {
                    format!("value too long: {bytes} bytes (at most {max})")
                }
            }
            Issue::BadDate { value } => {
                if id {
                    format!(
                        "bukan tanggal: \"{}\" (tulis YYYY-MM-DD atau DD/MM/YYYY)",
                        shorten(value)
                    )
                } else {
                    format!(
                        "not a date: \"{}\" (write YYYY-MM-DD or DD/MM/YYYY)",
                        shorten(value)
                    )
                }
            }
            Issue::FutureDate { value, today } => {
                if id {
                    format!("tanggal {value} belum terjadi (hari ini {today})")
                } else {
                    format!("date {value} is in the future (today is {today})")
                }
            }
            Issue::DateBefore {
                value,
                other,
                other_value,
            } => {
                if id {
                    format!("tanggal {value} lebih awal dari {other} {other_value}")
                } else {
                    format!("date {value} is before {other} {other_value}")
                }
            }
            Issue::BadBool { value } => {
                if id {
                    format!(
                        "bukan ya/tidak: \"{}\" (tulis ya, tidak, true, false, 1 atau 0)",
                        shorten(value)
                    )
                } else {
                    format!(
                        "not yes/no: \"{}\" (write yes, no, ya, tidak, true, false, 1 or 0)",
                        shorten(value)
                    )
                }
            }
            Issue::UnknownRegion { value, suggestion } => {
                let base = format!(
                    "{} \"{}\"",
                    lang.pick("wilayah tidak dikenal", "unknown region"),
                    shorten(value)
                );
                match suggestion {
                    Some(s) => {
                        format!("{base} — {} {s}?", lang.pick("maksud Anda", "did you mean"))
                    }
                    None => format!(
                        "{base} ({})",
                        lang.pick(
                            "tulis kode Kemendagri seperti 64.71 atau nama seperti Balikpapan",
                            "write a Kemendagri code such as 64.71 or a name such as Balikpapan"
                        )
                    ),
                }
            }
            Issue::UnknownStage { value, suggestion } => {
                let base = format!(
                    "{} \"{}\"",
                    lang.pick("tahapan tidak dikenal", "unknown stage"),
                    shorten(value)
                );
                match suggestion {
                    Some(s) => {
                        format!("{base} — {} {s}?", lang.pick("maksud Anda", "did you mean"))
                    }
                    None => format!(
                        "{base} ({})",
                        lang.pick(
                            "tulis kode seperti KAMPANYE",
                            "write a code such as KAMPANYE"
                        )
                    ),
                }
            }
            Issue::UnknownCode {
                list,
                value,
                suggestion,
            } => {
                let base = if id {
                    format!("{} tidak dikenal \"{}\"", list.name(lang), shorten(value))
                } else {
                    format!("unknown {} \"{}\"", list.name(lang), shorten(value))
                };
                let choices = list.codes().join(", ");
                match suggestion {
                    Some(s) => {
                        format!("{base} — {} {s}?", lang.pick("maksud Anda", "did you mean"))
                    }
                    None => format!("{base} ({}: {choices})", lang.pick("pilihan", "one of")),
                }
            }
            Issue::WrongType { found } => {
                if id {
                    format!("tipe salah: diharapkan teks, angka atau true/false, ditemukan {found}")
                } else {
                    format!("wrong type: expected text, a number or true/false, found {found}")
                }
            }
            Issue::CellError { value } => {
                if id {
                    format!("sel berisi galat {value}")
                } else {
                    format!("the cell holds the error {value}")
                }
            }
            Issue::DuplicateNomor {
                value,
                first_line,
                line,
            } => {
                if id {
                    format!(
                        "nomor \"{}\" muncul dua kali: di baris {first_line} dan di baris {line}",
                        shorten(value)
                    )
                } else {
                    format!(
                        "\"{}\" appears twice: on line {first_line} and on line {line}",
                        shorten(value)
                    )
                }
            }
            Issue::NearDuplicateNomor {
                value,
                first,
                first_line,
            } => {
                if id {
                    format!(
                        "nomor \"{}\" sama dengan \"{}\" di baris {first_line}, hanya beda huruf besar/kecil, spasi, karakter tak terlihat atau bentuk garis; satu perkara ditulis dua kali — samakan penulisannya dan sisakan satu baris",
                        shorten(value),
                        shorten(first)
                    )
                } else {
                    format!(
                        "\"{}\" is the intake number \"{}\" of line {first_line} written differently (case, spaces, invisible characters or dash/slash forms): one case written twice — write it one way and keep one row",
                        shorten(value),
                        shorten(first)
                    )
                }
            }
            Issue::FormulaWithoutValue { formula } => {
                if id {
                    format!(
                        "sel berisi rumus ={} tanpa hasil tersimpan (berkas dibuat oleh skrip); buka dan simpan di Excel atau LibreOffice agar hasilnya tersimpan, atau tulis nilainya",
                        shorten(formula)
                    )
                } else {
                    format!(
                        "the cell holds the formula ={} without a saved result (a file written by a script); open and save it in Excel or LibreOffice so the result is saved, or write the value",
                        shorten(formula)
                    )
                }
            }
            Issue::ImplausibleYear { value, min, max } => {
                if id {
                    format!(
                        "tahun pada tanggal \"{}\" di luar {min}–{max}; tulis tanggal dengan tahun empat angka (YYYY-MM-DD atau DD/MM/YYYY)",
                        shorten(value)
                    )
                } else {
                    format!(
                        "the year of date \"{}\" is outside {min}–{max}; write the date with a four-digit year (YYYY-MM-DD or DD/MM/YYYY)",
                        shorten(value)
                    )
                }
            }
            Issue::ShortYear { value, max } => {
                if id {
                    format!(
                        "tahun dua angka pada \"{}\" bukan 2000–{max}; tulis tahun dengan empat angka (DD/MM/YYYY)",
                        shorten(value)
                    )
                } else {
                    format!(
                        "the two-digit year of \"{}\" is not one of 2000–{max}; write the year with four digits (DD/MM/YYYY)",
                        shorten(value)
                    )
                }
            }
            Issue::NoVisibleSheet { hidden } => {
                if id {
                    format!(
                        "semua lembar kerja tersembunyi ({hidden}); sebutkan lembar yang diimpor dengan --sheet NAMA"
                    )
                } else {
                    format!(
                        "every worksheet is hidden ({hidden}); name the sheet to import with --sheet NAME"
                    )
                }
            }
            Issue::DuplicateOf { value, other_line } => {
                if id {
                    format!(
                        "nomor \"{}\" muncul lagi di baris {other_line}",
                        shorten(value)
                    )
                } else {
                    format!("\"{}\" appears again on line {other_line}", shorten(value))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_file_line_column_message() {
        let p = Problem::new(
            7,
            Some("kode_wilayah"),
            Issue::UnknownRegion {
                value: "Samarindah".into(),
                suggestion: Some("Samarinda (64.72)".into()),
            },
        );
        assert_eq!(
            p.display("kiriman.csv", Lang::En),
            "kiriman.csv:7: column \"kode_wilayah\": unknown region \"Samarindah\" — did you mean Samarinda (64.72)?"
        );
        assert_eq!(
            p.display("kiriman.csv", Lang::Id),
            "kiriman.csv:7: kolom \"kode_wilayah\": wilayah tidak dikenal \"Samarindah\" — maksud Anda Samarinda (64.72)?"
        );
    }

    #[test]
    fn long_values_are_shortened_to_one_line() {
        let msg = Issue::BadDate {
            value: format!("a\nb{}", "x".repeat(100)),
        }
        .message(Lang::En);
        assert!(
            msg.contains("a b") && msg.contains('…') && msg.len() < 150,
            "{msg}"
        );
    }
}
