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
}

impl Problem {
    pub fn new(line: u64, column: Option<&str>, issue: Issue) -> Problem {
        Problem {
            line,
            column: column.map(str::to_string),
            issue,
        }
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
    pub fn display(&self, file: &str, lang: Lang) -> String {
        if self.line == 0 {
            return format!("{file}: {}", self.reason(lang));
        }
        format!("{file}:{}: {}", self.line, self.reason(lang))
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
