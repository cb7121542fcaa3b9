//! What can be wrong with an input file, as `FILE:LINE: column "x": message` in either language.
//! Only messages here; finding the problems is the readers' and the validator's work.

use crate::i18n::kegiatan::MethodName;
use crate::i18n::{Lang, core::Core, kegiatan::Kegiatan};

/// One thing wrong with a file, a row or a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The file has no bytes (or only a byte-order mark and white space).
    EmptyFile,
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The header row again, below the first one at line `first` (files joined by hand).
    RepeatedHeader {
        first: u64,
    },
    /// A NUL byte: binary data, not text.
    Binary,
    /// The first line is this many bytes long without a line break: no header row.
    LongFirstLine {
        bytes: usize,
    },
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
    /// A stage of another election than the row's: `election` names the row's, `stages` lists
    /// its stages.
    StageNotOfElection {
        value: String,
        election: String,
        stages: String,
    },
    /// An election the database does not hold.
    UnknownElection {
        value: String,
        suggestion: Option<String>,
        choices: String,
    },
    /// A contest that is not one of the row's election (`election` names it). Boxed text, to keep
    /// an issue (and every `Result` carrying one) small.
    UnknownContest {
        value: String,
        election: String,
        suggestion: Option<Box<str>>,
        contests: Box<str>,
    },
    /// A known case moved to another election whose contests its stored one is not among (the row
    /// gives no `kontestasi`): `contests` lists the new election's.
    StoredContestNotOf {
        contest: String,
        election: String,
        contests: Box<str>,
    },
    /// The row's `pemilihan` names one election, its case number another.
    ElectionConflict {
        named: String,
        nomor: String,
        by_number: String,
    },
    /// The row's election cannot be told (no column, no `--election`, no number that fits
    /// exactly one election): `fits` the elections its number fits when several, `elections`
    /// those the database holds, `segments` their case-number segments.
    ElectionUntold {
        fits: Option<String>,
        elections: String,
        segments: Vec<String>,
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
    /// A campaign method not in the list of the row's election (its names in Bahasa Indonesia
    /// and English): the message names each method in its own language only.
    UnknownMethod {
        value: String,
        /// The nearest method: its place in `choices`.
        suggestion: Option<usize>,
        choices: Vec<MethodName>,
        /// The election's names in Bahasa Indonesia and English.
        election: Box<(String, String)>,
    },
    /// A pekan number the campaign does not have.
    PekanOutOfRange {
        value: String,
        count: u32,
    },
    /// A date outside the campaign, where a pekan was expected.
    OutsideCampaign {
        value: String,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// A number of activities that is not a whole number of zero or more.
    BadCount {
        value: String,
    },
    /// A number of activities above the most one row may count.
    CountTooLarge {
        value: String,
        max: i64,
    },
    /// A figure (region, pekan, method, contestant, party) given twice in one file.
    DuplicateFigure {
        first_line: u64,
    },
    /// A follow-up column with more lines than the steps named (one line per step).
    FollowUpLines {
        steps: usize,
        lines: usize,
    },
    /// A follow-up step that does not follow a violation of the case's type.
    FollowUpMisfit {
        step: crate::domain::FollowUpStep,
        case_type: crate::domain::ViolationType,
        fits: Vec<crate::domain::ViolationType>,
    },
    /// A follow-up step dated before the case was forwarded.
    FollowUpBefore {
        value: String,
        forwarded: String,
    },
    /// A status date before the day of the case's last status change as stored.
    StatusDateBefore {
        value: String,
        last: String,
    },
    /// A kecamatan, kelurahan/desa or TPS the region tree does not allow. Boxed, to keep an
    /// issue small.
    Place(Box<PlaceIssue>),
    /// An entry of the row's handling history (`pelimpahan`, counted from 1) that cannot be
    /// read or does not fit the database, the case or the entries around it.
    Chain(usize, Box<ChainFault>),
}

/// What can be wrong with one entry of a case's handling history in a file, as `pantau limpah`
/// checks a transfer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainFault {
    /// Not `DATE FROM>TO KIND ["letter"]`, nor an object with those members.
    Unreadable {
        value: String,
    },
    /// Neither `dilimpahkan` nor `diambil_alih`.
    UnknownKind {
        value: String,
    },
    BadDate {
        value: String,
    },
    /// An office the database does not hold.
    UnknownOffice {
        value: String,
    },
    BeforeReceipt {
        on: chrono::NaiveDate,
        received: chrono::NaiveDate,
    },
    InFuture {
        on: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    /// Dated before the entry above it.
    BeforeLast {
        on: chrono::NaiveDate,
        last: chrono::NaiveDate,
    },
    /// From an office to itself.
    SameOffice {
        office: String,
    },
    /// A take-over by an office not above the one it comes from.
    NotAbove {
        from: String,
        to: String,
    },
    /// Not starting at the office the entry above ends at.
    Broken {
        from: String,
        previous: String,
    },
    /// The last entry does not end at the row's `kode_wilayah`.
    EndsElsewhere {
        to: String,
        office: String,
    },
    /// An entry the database does not hold that does not follow the history it holds (its last
    /// entry written as a cell line).
    Stored {
        last: String,
    },
}

impl ChainFault {
    /// The message in `lang`.
    pub fn message(&self, entry: usize, lang: Lang) -> String {
        use crate::i18n::offices::Offices as O;
        let why = match self {
            ChainFault::Unreadable { value } => O::ChainUnreadable {
                value: &shorten(value),
            }
            .text(lang),
            ChainFault::UnknownKind { value } => O::ChainKind {
                value: &shorten(value),
            }
            .text(lang),
            ChainFault::BadDate { value } => O::BadDate {
                typed: &shorten(value),
            }
            .text(lang),
            ChainFault::UnknownOffice { value } => O::UnknownOffice {
                typed: &shorten(value),
                near: "",
            }
            .text(lang),
            ChainFault::BeforeReceipt { on, received } => O::BeforeReceipt {
                on: *on,
                received: *received,
            }
            .text(lang),
            ChainFault::InFuture { on, today } => O::InFuture {
                on: *on,
                today: *today,
            }
            .text(lang),
            ChainFault::BeforeLast { on, last } => O::ChainOrder {
                on: *on,
                last: *last,
            }
            .text(lang),
            ChainFault::SameOffice { office } => O::ChainSame { office }.text(lang),
            ChainFault::NotAbove { from, to } => O::ChainNotAbove { from, to }.text(lang),
            ChainFault::Broken { from, previous } => O::ChainBroken { from, previous }.text(lang),
            ChainFault::EndsElsewhere { to, office } => O::ChainEnd { to, office }.text(lang),
            ChainFault::Stored { last } => O::ChainStored {
                last: &shorten(last),
            }
            .text(lang),
        };
        O::ChainEntry { entry, why: &why }.text(lang)
    }
}

/// What can be wrong with where a row says its case happened. Names come as the region tree
/// spells them, each with its code where it helps ("Samarinda Ulu (64.72.03)").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceIssue {
    UnknownKecamatan {
        value: String,
        suggestion: Option<String>,
        area: String,
        candidates: String,
        more: usize,
    },
    KecamatanElsewhere {
        value: String,
        found: String,
        area: String,
    },
    KecamatanTwice {
        value: String,
        which: String,
    },
    KecamatanConflict {
        named: String,
        coded: String,
    },
    UnknownDesa {
        value: String,
        suggestion: Option<String>,
        within: String,
        candidates: String,
        more: usize,
    },
    DesaOutside {
        value: String,
        lies_in: String,
        kecamatan: String,
    },
    DesaTwice {
        value: String,
        which: String,
    },
    DesaConflict {
        named: String,
        coded: String,
    },
    BadTps {
        value: String,
    },
}

impl PlaceIssue {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::wilayah::Wilayah as W;
        match self {
            PlaceIssue::UnknownKecamatan {
                value,
                suggestion,
                area,
                candidates,
                more,
            } => W::UnknownKecamatan {
                value: &shorten(value),
                suggestion: suggestion.as_deref(),
                area,
                candidates,
                more: *more,
            }
            .text(lang),
            PlaceIssue::KecamatanElsewhere { value, found, area } => W::KecamatanElsewhere {
                value: &shorten(value),
                found,
                area,
            }
            .text(lang),
            PlaceIssue::KecamatanTwice { value, which } => W::KecamatanTwice {
                value: &shorten(value),
                which,
            }
            .text(lang),
            PlaceIssue::KecamatanConflict { named, coded } => W::KecamatanConflict {
                named: &shorten(named),
                coded: &shorten(coded),
            }
            .text(lang),
            PlaceIssue::UnknownDesa {
                value,
                suggestion,
                within,
                candidates,
                more,
            } => W::UnknownDesa {
                value: &shorten(value),
                suggestion: suggestion.as_deref(),
                within,
                candidates,
                more: *more,
            }
            .text(lang),
            PlaceIssue::DesaOutside {
                value,
                lies_in,
                kecamatan,
            } => W::DesaOutside {
                value: &shorten(value),
                lies_in,
                kecamatan,
            }
            .text(lang),
            PlaceIssue::DesaTwice { value, which } => W::DesaTwice {
                value: &shorten(value),
                which,
            }
            .text(lang),
            PlaceIssue::DesaConflict { named, coded } => W::DesaConflict {
                named: &shorten(named),
                coded: &shorten(coded),
            }
            .text(lang),
            PlaceIssue::BadTps { value } => W::BadTps {
                value: &shorten(value),
            }
            .text(lang),
        }
    }
}

impl From<PlaceIssue> for Issue {
    fn from(p: PlaceIssue) -> Issue {
        Issue::Place(Box::new(p))
    }
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
    ContestantKind,
    FollowUpStep,
}

impl CodeList {
    /// What the list is called in `lang`.
    pub fn name(self, lang: Lang) -> String {
        self.core().text(lang)
    }

    /// The list's name in the catalogue.
    fn core(self) -> Core<'static> {
        match self {
            CodeList::Source => Core::CodeSource,
            CodeList::Status => Core::CodeStatus,
            CodeList::ViolationType => Core::CodeViolationType,
            CodeList::PartyCategory => Core::CodePartyCategory,
            CodeList::Forwarding => Core::CodeForwarding,
            CodeList::ContestantKind => Core::CodeContestantKind,
            CodeList::FollowUpStep => Core::CodeFollowUpStep,
        }
    }

    /// Every code of the list.
    pub fn codes(self) -> Vec<&'static str> {
        use crate::domain::{
            ContestantKind, FollowUpStep, Forwarding, PartyCategory, Source, Status, ViolationType,
        };
        match self {
            CodeList::Source => Source::ALL.iter().map(|v| v.code()).collect(),
            CodeList::Status => Status::ALL.iter().map(|v| v.code()).collect(),
            CodeList::ViolationType => ViolationType::ALL.iter().map(|v| v.code()).collect(),
            CodeList::PartyCategory => PartyCategory::ALL.iter().map(|v| v.code()).collect(),
            CodeList::Forwarding => Forwarding::ALL.iter().map(|v| v.code()).collect(),
            CodeList::ContestantKind => ContestantKind::ALL.iter().map(|v| v.code()).collect(),
            CodeList::FollowUpStep => FollowUpStep::ALL.iter().map(|v| v.code()).collect(),
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
            Some(c) => Core::InColumn {
                column: c,
                reason: self.issue.message(lang),
            }
            .text(lang),
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
            Some(At::Object(n)) => Core::AtObject {
                file,
                line,
                n: *n,
                reason: self.reason(lang),
            }
            .text(lang),
            Some(At::Cell {
                sheet,
                col: Some(c),
            }) => format!(
                "{file}:{sheet}!{}{line}: {}",
                column_letters(*c),
                self.reason(lang)
            ),
            Some(At::Cell { sheet, col: None }) => Core::AtRow {
                file,
                sheet,
                line,
                reason: self.reason(lang),
            }
            .text(lang),
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
        let list;
        let m = match self {
            Issue::EmptyFile => Core::EmptyFile,
            Issue::NotUtf8 => Core::NotUtf8,
            Issue::Binary => Core::Binary,
            Issue::RepeatedHeader { first } => Core::RepeatedHeader { first: *first },
            Issue::LongFirstLine { bytes } => Core::LongFirstLine { bytes: *bytes },
            Issue::Csv(e) => Core::Csv { why: e },
            Issue::Json(e) => Core::Json { why: e },
            Issue::Spreadsheet(e) => Core::Spreadsheet { why: e },
            Issue::NotAnObject { found } => Core::NotAnObject { found },
            Issue::FieldCount { found, expected } => Core::FieldCount {
                found: *found,
                expected: *expected,
            },
            Issue::UnterminatedQuote => Core::UnterminatedQuote,
            Issue::UnknownColumn { suggestion } => Core::UnknownColumn {
                suggestion: *suggestion,
            },
            Issue::Unnamed => Core::Unnamed,
            Issue::NoSheet { name, sheets } => Core::NoSheet { name, sheets },
            Issue::DuplicateColumn { first } => Core::DuplicateColumn { first },
            Issue::MissingColumn => Core::MissingColumn,
            Issue::Required => Core::Required,
            Issue::TooLong { bytes, max } => Core::TooLong {
                bytes: *bytes,
                max: *max,
            },
            Issue::BadDate { value } => Core::BadDate {
                value: shorten(value),
            },
            Issue::FutureDate { value, today } => Core::FutureDate { value, today },
            Issue::DateBefore {
                value,
                other,
                other_value,
            } => Core::DateBefore {
                value,
                other,
                other_value,
            },
            Issue::BadBool { value } => Core::BadBool {
                value: shorten(value),
            },
            Issue::UnknownRegion { value, suggestion } => Core::UnknownRegion {
                value: shorten(value),
                suggestion: suggestion.as_deref(),
            },
            Issue::UnknownStage { value, suggestion } => Core::UnknownStage {
                value: shorten(value),
                suggestion: suggestion.as_deref(),
            },
            Issue::StageNotOfElection {
                value,
                election,
                stages,
            } => Core::StageNotOfElection {
                value: shorten(value),
                election,
                stages: stages.clone(),
            },
            Issue::UnknownElection {
                value,
                suggestion,
                choices,
            } => Core::UnknownElection {
                value: shorten(value),
                suggestion: suggestion.as_deref(),
                choices: choices.clone(),
            },
            Issue::UnknownContest {
                value,
                election,
                suggestion,
                contests,
            } => Core::UnknownContest {
                value: shorten(value),
                election,
                suggestion: suggestion.as_deref(),
                contests: contests.to_string(),
            },
            Issue::StoredContestNotOf {
                contest,
                election,
                contests,
            } => Core::StoredContestNotOf {
                contest,
                election,
                contests,
            },
            Issue::ElectionConflict {
                named,
                nomor,
                by_number,
            } => Core::ElectionConflict {
                named,
                nomor: shorten(nomor),
                by_number,
            },
            Issue::ElectionUntold {
                fits,
                elections,
                segments,
            } => Core::ElectionUntold {
                fits: fits.as_deref(),
                elections,
                segments,
            },
            Issue::UnknownCode {
                list: code_list,
                value,
                suggestion,
            } => {
                list = code_list.core();
                Core::UnknownCode {
                    list: &list,
                    value: shorten(value),
                    suggestion: *suggestion,
                    choices: code_list.codes().join(", "),
                }
            }
            Issue::WrongType { found } => Core::WrongType { found },
            Issue::CellError { value } => Core::CellError { value },
            Issue::DuplicateNomor {
                value,
                first_line,
                line,
            } => Core::DuplicateNomor {
                value: shorten(value),
                first_line: *first_line,
                line: *line,
            },
            Issue::NearDuplicateNomor {
                value,
                first,
                first_line,
            } => Core::NearDuplicateNomor {
                value: shorten(value),
                first: shorten(first),
                first_line: *first_line,
            },
            Issue::FormulaWithoutValue { formula } => Core::FormulaWithoutValue {
                formula: shorten(formula),
            },
            Issue::ImplausibleYear { value, min, max } => Core::ImplausibleYear {
                value: shorten(value),
                min: *min,
                max: *max,
            },
            Issue::ShortYear { value, max } => Core::ShortYear {
                value: shorten(value),
                max: *max,
            },
            Issue::NoVisibleSheet { hidden } => Core::NoVisibleSheet { hidden },
            Issue::FollowUpLines { steps, lines } => Core::FollowUpLines {
                steps: *steps,
                lines: *lines,
            },
            Issue::FollowUpMisfit {
                step,
                case_type,
                fits,
            } => {
                return Core::FollowUpMisfit {
                    step: step.code(),
                    label: step.label(lang),
                    case_type: case_type.code(),
                    fits: fits.iter().map(|t| t.code()).collect::<Vec<_>>().join(", "),
                }
                .text(lang);
            }
            Issue::FollowUpBefore { value, forwarded } => Core::FollowUpBefore { value, forwarded },
            Issue::StatusDateBefore { value, last } => Core::StatusDateBefore { value, last },
            Issue::DuplicateOf { value, other_line } => Core::DuplicateOf {
                value: shorten(value),
                other_line: *other_line,
            },
            Issue::UnknownMethod {
                value,
                suggestion,
                choices,
                election,
            } => {
                return Kegiatan::UnknownMethod {
                    value: &shorten(value),
                    suggestion: suggestion.and_then(|i| choices.get(i)),
                    choices,
                    election: (&election.0, &election.1),
                }
                .text(lang);
            }
            Issue::PekanOutOfRange { value, count } => {
                return Kegiatan::PekanOutOfRange {
                    value: &shorten(value),
                    count: *count,
                }
                .text(lang);
            }
            Issue::OutsideCampaign { value, from, to } => {
                return Kegiatan::OutsideCampaign {
                    value: &shorten(value),
                    from: *from,
                    to: *to,
                }
                .text(lang);
            }
            Issue::BadCount { value } => {
                return Kegiatan::BadCount {
                    value: &shorten(value),
                }
                .text(lang);
            }
            Issue::CountTooLarge { value, max } => {
                return Kegiatan::CountTooLarge {
                    value: &shorten(value),
                    max: *max,
                }
                .text(lang);
            }
            Issue::Place(p) => return p.message(lang),
            Issue::Chain(entry, fault) => return fault.message(*entry, lang),
            Issue::DuplicateFigure { first_line } => {
                return Kegiatan::DuplicateFigure {
                    first_line: *first_line,
                }
                .text(lang);
            }
        };
        m.text(lang)
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
