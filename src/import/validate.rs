//! Turns the cells of one row into a `Case`, collecting every problem of every cell (never only the
//! first). Pure: reference data and today's date in, a case or the list of issues out.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::domain::{
    Case, ContestantKind, FollowUp, FollowUpMisfit, FollowUpStep, Forwarding, PartyCategory,
    Reference, Source, Status, ViolationType, clean_nomor, fold, parse_date,
};
use crate::i18n::Lang;
use crate::import::columns::{COLUMNS, Column, ColumnSet, FOLLOW_UP, Kind, N};
use crate::import::problem::{CodeList, Issue};

/// The longest value a cell may hold, in bytes. A case description is never this long; a longer
/// cell is a broken file (a quote never closed, a pasted document), not data to store.
pub const MAX_CELL: usize = 65_536;

/// The earliest year a case's date may have: before every election pantau's data covers (the
/// first direct elections were in 2004). A year before it is a typing or a two-digit-year mistake
/// (`0024`, `0202`), never a case; the latest is today's year (later dates are in the future).
pub const MIN_YEAR: i32 = 2000;

pub use crate::import::row::Cells;

/// An empty row of a case file's cells.
pub fn no_cells<'a>() -> Cells<'a> {
    crate::import::row::no_cells(N)
}

/// Checks rows against the reference data as of `today`.
#[derive(Debug)]
pub struct Validator<'r> {
    reference: &'r Reference,
    today: NaiveDate,
}

/// The value of one cell once read.
enum Value {
    Text(String),
    Date(NaiveDate),
    Bool(bool),
    Code(&'static str),
    Region(String),
    Stage(String),
}

impl<'r> Validator<'r> {
    pub fn new(reference: &'r Reference, today: NaiveDate) -> Validator<'r> {
        Validator { reference, today }
    }

    /// The case a row describes, or every issue found in it. Columns in `skip` were already
    /// reported by the reader (not UTF-8, wrong type) and are not checked again.
    pub fn case(
        &self,
        cells: &[Option<Cow<'_, str>>],
        given: ColumnSet,
        skip: ColumnSet,
    ) -> Result<Case, Vec<(Column, Issue)>> {
        let mut issues = Vec::new();
        let mut values: [Option<Value>; N] = std::array::from_fn(|_| None);
        for spec in &COLUMNS {
            let c = spec.column;
            if skip.contains(c) {
                continue;
            }
            let raw = cells[c.index()].as_deref();
            if let Some(text) = raw
                && text.len() > MAX_CELL
            {
                issues.push((
                    c,
                    Issue::TooLong {
                        bytes: text.len(),
                        max: MAX_CELL,
                    },
                ));
                continue;
            }
            // The steps after forwarding are read by `follow_ups`.
            if spec.kind == Kind::FollowUp {
                continue;
            }
            // Free text is kept exactly, spaces included; an empty cell is NULL. Codes, dates and
            // the intake number are read without their surrounding spaces.
            let text = raw.filter(|t| {
                if spec.kind == Kind::Text {
                    !t.is_empty()
                } else {
                    !t.trim().is_empty()
                }
            });
            match text {
                None if spec.required && !given.contains(c) => {
                    issues.push((c, Issue::MissingColumn))
                }
                None if spec.required => issues.push((c, Issue::Required)),
                None => {}
                Some(t) => match self.read(spec.kind, t) {
                    Ok(v) => values[c.index()] = Some(v),
                    Err(issue) => issues.push((c, issue)),
                },
            }
        }
        self.check_dates(&values, &mut issues);
        if !issues.is_empty()
            || COLUMNS
                .iter()
                .any(|s| s.required && skip.contains(s.column))
        {
            return Err(issues);
        }
        build(values).ok_or_else(Vec::new)
    }

    /// Reads one non-empty cell.
    fn read(&self, kind: Kind, t: &str) -> Result<Value, Issue> {
        let trimmed = t.trim();
        Ok(match kind {
            Kind::Nomor => {
                let n = clean_nomor(trimmed);
                if n.is_empty() {
                    return Err(Issue::Required);
                }
                Value::Text(n.into_owned())
            }
            Kind::Text => Value::Text(t.to_string()),
            Kind::Date => Value::Date(self.date(t, trimmed)?),
            Kind::Bool => Value::Bool(parse_bool(trimmed).ok_or_else(|| Issue::BadBool {
                value: t.to_string(),
            })?),
            Kind::Source => Value::Code(code::<Source>(trimmed, CodeList::Source)?),
            Kind::Status => Value::Code(code::<Status>(trimmed, CodeList::Status)?),
            Kind::ViolationType => {
                Value::Code(code::<ViolationType>(trimmed, CodeList::ViolationType)?)
            }
            Kind::PartyCategory => {
                Value::Code(code::<PartyCategory>(trimmed, CodeList::PartyCategory)?)
            }
            Kind::Forwarding => Value::Code(code::<Forwarding>(trimmed, CodeList::Forwarding)?),
            Kind::FollowUp => Value::Text(t.to_string()),
            Kind::Region => Value::Region(self.region(t)?),
            Kind::Stage => {
                let s = self
                    .reference
                    .stage(trimmed)
                    .or_else(|| self.reference.find_stage(trimmed));
                match s {
                    Some(s) => Value::Stage(s.code.clone()),
                    None => {
                        let suggestion = self
                            .reference
                            .suggest_stage(trimmed)
                            .map(|s| s.code.clone());
                        return Err(Issue::UnknownStage {
                            value: t.to_string(),
                            suggestion,
                        });
                    }
                }
            }
        })
    }

    /// The code of the region a cell names by Kemendagri code, short name or name; an unknown one
    /// with the nearest region to suggest.
    pub fn region(&self, t: &str) -> Result<String, Issue> {
        let trimmed = t.trim();
        let r = self
            .reference
            .region(trimmed)
            .or_else(|| self.reference.find_region(trimmed));
        match r {
            Some(r) => Ok(r.code.clone()),
            None => {
                let suggestion = self
                    .reference
                    .suggest_region(trimmed)
                    .map(|r| format!("{} ({})", r.short_name, r.code));
                Err(Issue::UnknownRegion {
                    value: t.to_string(),
                    suggestion,
                })
            }
        }
    }

    /// The steps after forwarding a row gives, one per line of the follow-up cells (the n-th line
    /// of each making the n-th step), checked against the row's `case`: each step must fit its
    /// type and be dated from its forwarding (or receipt) to today.
    pub fn follow_ups(
        &self,
        cells: &Cells<'_>,
        skip: ColumnSet,
        case: &Case,
    ) -> Result<Vec<FollowUp>, Vec<(Column, Issue)>> {
        let mut issues = Vec::new();
        let lines: Vec<Vec<&str>> = FOLLOW_UP
            .iter()
            .map(|c| match cells[c.index()].as_deref() {
                Some(t) if !skip.contains(*c) && !t.trim().is_empty() && t.len() <= MAX_CELL => t
                    .trim_end_matches(['\n', '\r'])
                    .split('\n')
                    .map(|l| l.trim_end_matches('\r'))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let steps = lines[0].len();
        for (c, l) in FOLLOW_UP.iter().zip(&lines).skip(1) {
            if l.len() > steps {
                issues.push((
                    *c,
                    Issue::FollowUpLines {
                        steps,
                        lines: l.len(),
                    },
                ));
            }
        }
        let mut out = Vec::with_capacity(steps);
        for i in 0..steps {
            let cell = |k: usize| lines[k].get(i).copied().filter(|t| !t.trim().is_empty());
            let step = match cell(0) {
                None => {
                    issues.push((Column::LanjutTahap, Issue::Required));
                    None
                }
                Some(t) => match code::<FollowUpStep>(t.trim(), CodeList::FollowUpStep) {
                    Ok(c) => FollowUpStep::from_code(c),
                    Err(issue) => {
                        issues.push((Column::LanjutTahap, issue));
                        None
                    }
                },
            };
            let on = match cell(1) {
                None => {
                    issues.push((Column::LanjutTanggal, Issue::Required));
                    None
                }
                Some(t) => match self.date(t, t.trim()) {
                    Ok(d) if d > self.today => {
                        issues.push((
                            Column::LanjutTanggal,
                            Issue::FutureDate {
                                value: d.to_string(),
                                today: self.today.to_string(),
                            },
                        ));
                        None
                    }
                    Ok(d) => Some(d),
                    Err(issue) => {
                        issues.push((Column::LanjutTanggal, issue));
                        None
                    }
                },
            };
            let (Some(step), Some(on)) = (step, on) else {
                continue;
            };
            let f = FollowUp {
                step,
                on,
                reference: cell(2).map(str::to_string),
                note: cell(3).map(str::to_string),
            };
            if let Err(m) = case.check_follow_up(&f) {
                issues.push(misfit(m));
                continue;
            }
            out.push(f);
        }
        if issues.is_empty() {
            Ok(out)
        } else {
            Err(issues)
        }
    }

    /// A date of a case: `YYYY-MM-DD`, `DD/MM/YYYY`, or `DD/MM/YY` meaning 20YY (the only century
    /// the accepted years have); a year before [`MIN_YEAR`] is refused, never stored.
    pub fn date(&self, t: &str, trimmed: &str) -> Result<NaiveDate, Issue> {
        let max = self.today.year();
        let d = match fast_date(trimmed).or_else(|| parse_date(trimmed)) {
            Some(d) if short_year(trimmed) => {
                let year = 2000 + d.year();
                match d.with_year(year).filter(|_| year <= max) {
                    Some(d) => d,
                    None => {
                        return Err(Issue::ShortYear {
                            value: t.to_string(),
                            max,
                        });
                    }
                }
            }
            Some(d) => d,
            None => {
                return Err(Issue::BadDate {
                    value: t.to_string(),
                });
            }
        };
        if d.year() < MIN_YEAR {
            return Err(Issue::ImplausibleYear {
                value: t.to_string(),
                min: MIN_YEAR,
                max: max.max(MIN_YEAR),
            });
        }
        Ok(d)
    }

    /// The day the row's status took effect (`tanggal_status`), when the row gives one; read once
    /// [`Validator::case`] accepted the row.
    pub fn status_date(&self, cells: &Cells<'_>, skip: ColumnSet) -> Option<NaiveDate> {
        let c = Column::TanggalStatus;
        if skip.contains(c) {
            return None;
        }
        let t = cells[c.index()]
            .as_deref()
            .filter(|t| !t.trim().is_empty())?;
        self.date(t, t.trim()).ok()
    }

    /// Dates after today, and a registration or status date before receipt, are mistakes.
    fn check_dates(&self, values: &[Option<Value>; N], issues: &mut Vec<(Column, Issue)>) {
        let date = |c: Column| match &values[c.index()] {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        };
        for spec in COLUMNS.iter().filter(|s| s.kind == Kind::Date) {
            if let Some(d) = date(spec.column)
                && d > self.today
            {
                issues.push((
                    spec.column,
                    Issue::FutureDate {
                        value: d.to_string(),
                        today: self.today.to_string(),
                    },
                ));
            }
        }
        for c in [Column::TanggalRegistrasi, Column::TanggalStatus] {
            if let (Some(d), Some(rec)) = (date(c), date(Column::TanggalDiterima))
                && d < rec
            {
                issues.push((
                    c,
                    Issue::DateBefore {
                        value: d.to_string(),
                        other: Column::TanggalDiterima.name(),
                        other_value: rec.to_string(),
                    },
                ));
            }
        }
    }
}

/// The issue, and the cell it is in, of a step that cannot follow its case.
pub fn misfit(m: FollowUpMisfit) -> (Column, Issue) {
    match m {
        FollowUpMisfit::Type { step, case_type } => (
            Column::LanjutTahap,
            Issue::FollowUpMisfit {
                step,
                case_type,
                fits: step.types(),
            },
        ),
        FollowUpMisfit::Before { on, forwarded } => (
            Column::LanjutTanggal,
            Issue::FollowUpBefore {
                value: on.to_string(),
                forwarded: forwarded.to_string(),
            },
        ),
        FollowUpMisfit::BeforeReceipt { on, received } => (
            Column::LanjutTanggal,
            Issue::DateBefore {
                value: on.to_string(),
                other: Column::TanggalDiterima.name(),
                other_value: received.to_string(),
            },
        ),
    }
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` read without a format parser (dates are most of an import's
/// cells); anything else is left to `domain::parse_date`.
fn fast_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (y, m, d) = match (b[4], b[7], b[2], b[5]) {
        (b'-', b'-', _, _) => (num(0..4)?, num(5..7)?, num(8..10)?),
        (_, _, b'/', b'/') => (num(6..10)?, num(3..5)?, num(0..2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Whether a `DD/MM/YY` date has a year of exactly two digits.
fn short_year(t: &str) -> bool {
    let b = t.as_bytes();
    let last = b.iter().rposition(|&c| c == b'/');
    matches!(last, Some(i) if b.len() - i == 3 && b[i + 1..].iter().all(u8::is_ascii_digit))
}

/// true/false, 1/0, ya/tidak, yes/no, any case.
pub fn parse_bool(t: &str) -> Option<bool> {
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(&["true", "1", "ya", "yes"]) {
        Some(true)
    } else if is(&["false", "0", "tidak", "no"]) {
        Some(false)
    } else {
        None
    }
}

/// The code lists share this: exact code first (fast), then any code or label, case-insensitively.
pub trait Codes: Copy + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn label(self, lang: Lang) -> &'static str;
    fn from_code(text: &str) -> Option<Self>;
    fn lookup(text: &str) -> Option<Self>;
}

macro_rules! code_list {
    ($($t:ty),+) => {$(
        impl Codes for $t {
            const ALL: &'static [Self] = <$t>::ALL;
            fn code(self) -> &'static str { <$t>::code(self) }
            fn label(self, lang: Lang) -> &'static str { <$t>::label(self, lang) }
            fn from_code(text: &str) -> Option<Self> { <$t>::from_code(text) }
            fn lookup(text: &str) -> Option<Self> { <$t>::lookup(text) }
        }
    )+};
}

code_list!(
    Source,
    Status,
    ViolationType,
    PartyCategory,
    Forwarding,
    ContestantKind,
    FollowUpStep
);

/// The code of the value of `T` a cell names by code or label, or the issue naming `list`.
pub fn code<T: Codes>(text: &str, list: CodeList) -> Result<&'static str, Issue> {
    if let Some(v) = T::from_code(text).or_else(|| T::lookup(text)) {
        return Ok(v.code());
    }
    let want = fold(text);
    let suggestion = T::ALL
        .iter()
        .map(|v| {
            let d = [v.code(), v.label(Lang::Id), v.label(Lang::En)]
                .iter()
                .map(|k| strsim::levenshtein(&fold(k), &want))
                .min()
                .unwrap_or(usize::MAX);
            (d, v.code())
        })
        .filter(|(d, _)| *d <= 2.max(want.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    Err(Issue::UnknownCode {
        list,
        value: text.to_string(),
        suggestion,
    })
}

/// Assembles the case from read values; `None` if a required value is missing.
fn build(mut v: [Option<Value>; N]) -> Option<Case> {
    let mut take = |c: Column| v[c.index()].take();
    let text = |x: Option<Value>| match x {
        Some(Value::Text(s) | Value::Region(s) | Value::Stage(s)) => Some(s),
        _ => None,
    };
    let date = |x: Option<Value>| match x {
        Some(Value::Date(d)) => Some(d),
        _ => None,
    };
    let code = |x: Option<Value>| match x {
        Some(Value::Code(c)) => Some(c),
        _ => None,
    };
    Some(Case {
        // Every imported case is Pemilu 2024's until a file can say which election a row is of.
        election: crate::domain::election::FIRST_ELECTION.to_string(),
        nomor: text(take(Column::Nomor))?,
        nomor_registrasi: text(take(Column::NomorRegistrasi)),
        sumber: code(take(Column::Sumber)).and_then(Source::from_code)?,
        kode_wilayah: text(take(Column::KodeWilayah))?,
        kecamatan: text(take(Column::Kecamatan)),
        kode_tahapan: text(take(Column::KodeTahapan))?,
        tanggal_kejadian: date(take(Column::TanggalKejadian)),
        tanggal_diketahui: date(take(Column::TanggalDiketahui)),
        tanggal_diterima: date(take(Column::TanggalDiterima))?,
        tanggal_registrasi: date(take(Column::TanggalRegistrasi)),
        status: code(take(Column::Status)).and_then(Status::from_code)?,
        diperpanjang: matches!(take(Column::Diperpanjang), Some(Value::Bool(true))),
        jenis_dugaan: code(take(Column::JenisDugaan)).and_then(ViolationType::from_code),
        jenis_pelanggaran: code(take(Column::JenisPelanggaran)).and_then(ViolationType::from_code),
        pasal: text(take(Column::Pasal)),
        uraian: text(take(Column::Uraian)).unwrap_or_default(),
        terlapor: text(take(Column::Terlapor)),
        kategori_terlapor: code(take(Column::KategoriTerlapor)).and_then(PartyCategory::from_code),
        pelapor: text(take(Column::Pelapor)),
        diteruskan_ke: code(take(Column::DiteruskanKe)).and_then(Forwarding::from_code),
        nomor_surat_penerusan: text(take(Column::NomorSuratPenerusan)),
        tanggal_penerusan: date(take(Column::TanggalPenerusan)),
        kontestasi: None,
    })
}

/// The case a known case becomes when a row gives the columns in `given`: those columns from the
/// row, the others kept as they are (a file without `uraian` does not erase descriptions).
pub fn merge(existing: &Case, row: &Case, given: ColumnSet) -> Case {
    let mut m = existing.clone();
    macro_rules! take {
        ($($col:ident => $field:ident),+ $(,)?) => {$(
            if given.contains(Column::$col) {
                m.$field = row.$field.clone();
            }
        )+};
    }
    take!(
        NomorRegistrasi => nomor_registrasi, Sumber => sumber, KodeWilayah => kode_wilayah, Kecamatan => kecamatan,
        KodeTahapan => kode_tahapan, TanggalKejadian => tanggal_kejadian, TanggalDiketahui => tanggal_diketahui,
        TanggalDiterima => tanggal_diterima, TanggalRegistrasi => tanggal_registrasi, Status => status,
        Diperpanjang => diperpanjang, JenisDugaan => jenis_dugaan, JenisPelanggaran => jenis_pelanggaran,
        Pasal => pasal, Uraian => uraian, Terlapor => terlapor, KategoriTerlapor => kategori_terlapor,
        Pelapor => pelapor, DiteruskanKe => diteruskan_ke, NomorSuratPenerusan => nomor_surat_penerusan,
        TanggalPenerusan => tanggal_penerusan,
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 2, 2).unwrap()
    }

    fn row(pairs: &[(Column, &str)]) -> (Cells<'static>, ColumnSet) {
        let mut cells = no_cells();
        let mut given = ColumnSet::default();
        for (c, v) in pairs {
            cells[c.index()] = Some(Cow::Owned(v.to_string()));
            given.insert(*c);
        }
        (cells, given)
    }

    fn minimal() -> Vec<(Column, &'static str)> {
        vec![
            (Column::Nomor, " 001/LP/PL/64.71/I/2024 "),
            (Column::Sumber, "Laporan"),
            (Column::KodeWilayah, "balikpapan"),
            (Column::KodeTahapan, "masa kampanye"),
            (Column::TanggalDiterima, "15/01/2024"),
            (Column::Status, "registered"),
        ]
    }

    #[test]
    fn codes_and_names_in_any_case_become_codes() {
        let reference = Reference::embedded();
        let v = Validator::new(&reference, today());
        let mut pairs = minimal();
        pairs.push((Column::Diperpanjang, "Ya"));
        pairs.push((Column::JenisDugaan, "politik uang"));
        let (cells, given) = row(&pairs);
        let err = v.case(&cells, given, ColumnSet::default()).unwrap_err();
        assert!(
            matches!(&err[0], (Column::JenisDugaan, Issue::UnknownCode { .. })),
            "{err:?}"
        );
        pairs.pop();
        pairs.push((Column::JenisDugaan, "Pidana"));
        let (cells, given) = row(&pairs);
        let case = v.case(&cells, given, ColumnSet::default()).unwrap();
        assert_eq!(
            case.nomor, "001/LP/PL/64.71/I/2024",
            "the intake number is trimmed"
        );
        assert_eq!(case.kode_wilayah, "64.71");
        assert_eq!(case.kode_tahapan, "KAMPANYE");
        assert_eq!(case.sumber, Source::Laporan);
        assert_eq!(case.status, Status::Diregistrasi);
        assert_eq!(
            case.tanggal_diterima,
            NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()
        );
        assert!(case.diperpanjang);
        assert_eq!(case.jenis_dugaan, Some(ViolationType::Pidana));
        assert_eq!(case.uraian, "");
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let reference = Reference::embedded();
        let v = Validator::new(&reference, today());
        let (cells, given) = row(&[
            (Column::Nomor, ""),
            (Column::Sumber, "temuan"),
            (Column::KodeWilayah, "Samarindah"),
            (Column::KodeTahapan, "kampanya"),
            (Column::TanggalDiterima, "2024-13-01"),
            (Column::Diperpanjang, "mungkin"),
            (Column::TanggalKejadian, "2025-01-01"),
        ]);
        let err = v.case(&cells, given, ColumnSet::default()).unwrap_err();
        let cols: Vec<Column> = err.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            cols,
            [
                Column::Nomor,
                Column::KodeWilayah,
                Column::KodeTahapan,
                Column::TanggalDiterima,
                Column::Status,
                Column::Diperpanjang,
                Column::TanggalKejadian
            ]
        );
        assert_eq!(err[0].1, Issue::Required);
        assert_eq!(
            err[1].1,
            Issue::UnknownRegion {
                value: "Samarindah".into(),
                suggestion: Some("Samarinda (64.72)".into())
            }
        );
        assert_eq!(
            err[2].1,
            Issue::UnknownStage {
                value: "kampanya".into(),
                suggestion: Some("KAMPANYE".into())
            }
        );
        assert_eq!(err[4].1, Issue::MissingColumn);
        assert!(matches!(err[6].1, Issue::FutureDate { .. }));
    }

    #[test]
    fn registration_before_receipt_and_huge_cells_are_refused() {
        let reference = Reference::embedded();
        let v = Validator::new(&reference, today());
        let mut pairs = minimal();
        pairs.push((Column::TanggalRegistrasi, "2024-01-14"));
        let big = "x".repeat(MAX_CELL + 1);
        let (mut cells, mut given) = row(&pairs);
        cells[Column::Uraian.index()] = Some(Cow::Owned(big));
        given.insert(Column::Uraian);
        let err = v.case(&cells, given, ColumnSet::default()).unwrap_err();
        assert!(
            matches!(err[0], (Column::Uraian, Issue::TooLong { .. })),
            "{err:?}"
        );
        assert!(
            matches!(
                err[1],
                (Column::TanggalRegistrasi, Issue::DateBefore { .. })
            ),
            "{err:?}"
        );
    }

    #[test]
    fn merge_keeps_what_the_file_does_not_give() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
        let mut old = Case::new("PEMILU2024", "A", Source::Laporan, "64.71", "KAMPANYE", d);
        old.uraian = "keep me".into();
        old.pasal = Some("Pasal 523".into());
        let mut row_case = old.clone();
        row_case.uraian = String::new();
        row_case.pasal = None;
        row_case.status = Status::KajianAwal;
        let mut given = ColumnSet::default();
        given.insert(Column::Status);
        given.insert(Column::Pasal);
        let m = merge(&old, &row_case, given);
        assert_eq!(m.uraian, "keep me");
        assert_eq!(
            m.pasal, None,
            "an empty cell in a given column clears the field"
        );
        assert_eq!(m.status, Status::KajianAwal);
    }

    #[test]
    fn the_fast_date_reader_agrees_with_the_domain_one() {
        for t in [
            "2024-01-15",
            "15/01/2024",
            "2024-02-30",
            "31/04/2024",
            "2024/01/15",
            "15-01-2024",
            "2024-1-15",
            "0000-01-01",
            "2024-01-1x",
        ] {
            assert_eq!(fast_date(t).or_else(|| parse_date(t)), parse_date(t), "{t}");
        }
        assert_eq!(
            fast_date("15/01/2024"),
            NaiveDate::from_ymd_opt(2024, 1, 15)
        );
    }

    #[test]
    fn booleans_in_both_languages() {
        for t in ["true", "1", "ya", "YES"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for t in ["false", "0", "Tidak", "no"] {
            assert_eq!(parse_bool(t), Some(false), "{t}");
        }
        assert_eq!(parse_bool("mungkin"), None);
    }
}
