//! Turns the cells of one row into a `Case`, collecting every problem of every cell (never only the
//! first). Pure: reference data and today's date in, a case or the list of issues out.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::domain::nomor::nomor_segment_year;
use crate::domain::wilayah::{Desa, fold_place, match_place};
use crate::domain::{
    Case, ContestantKind, Election, FollowUp, FollowUpMisfit, FollowUpStep, Forwarding,
    PartyCategory, Reference, Region, Source, Stage, Status, ViolationType, clean_nomor, fold,
    parse_date,
};
use crate::i18n::Lang;
use crate::import::columns::{COLUMNS, Column, ColumnSet, FOLLOW_UP, Kind, N};
use crate::import::problem::{CodeList, Issue, PlaceIssue};

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
    /// The election of rows that do not say theirs (`--election`).
    default: Option<&'r Election>,
}

/// The value of one cell once read.
enum Value {
    Text(String),
    Date(NaiveDate),
    Bool(bool),
    Code(&'static str),
    Region(String),
    Stage(String),
    Contest(String),
    Tps(u16),
}

/// Where a row's case happened, once read against the region tree.
#[derive(Debug, Default)]
struct Place {
    kecamatan: Option<(String, String)>,
    desa: Option<String>,
}

impl<'r> Validator<'r> {
    pub fn new(reference: &'r Reference, today: NaiveDate) -> Validator<'r> {
        Validator {
            reference,
            today,
            default: None,
        }
    }

    /// The validator taking `election` (a code of the reference data, as `--election` gives it)
    /// as the election of rows that do not say theirs.
    pub fn with_election(mut self, election: Option<&str>) -> Validator<'r> {
        self.default = election.and_then(|code| self.reference.election(code));
        self
    }

    /// The elections a case number fits: those whose segment (`PL`, `PB`) it carries and whose
    /// voting day falls in the number's year or the year after it (a case numbered in 2023 is
    /// one of Pemilu 2024, voted on 14 February 2024).
    pub fn elections_by_number(&self, nomor: &str) -> Vec<&'r Election> {
        self.reference
            .elections
            .iter()
            .filter(|e| {
                nomor_segment_year(nomor, &e.case_segment).is_some_and(|year| {
                    let voting = e.voting_day.year();
                    voting == year || voting == year + 1
                })
            })
            .collect()
    }

    /// The row's election: its `pemilihan` cell, else `--election`, else the one election its
    /// number fits, else the only election of the database; with the issue of the `pemilihan`
    /// cell when the election is named wrongly, named against the number, or cannot be told.
    /// `None` without an issue when the cells it is told from are already reported (a number
    /// missing, a cell the reader could not read).
    fn election_of(
        &self,
        cells: &[Option<Cow<'_, str>>],
        skip: ColumnSet,
    ) -> (Option<&'r Election>, Option<Issue>) {
        let cell = |c: Column| match cells[c.index()].as_deref() {
            _ if skip.contains(c) => Err(()),
            Some(t) if t.len() > MAX_CELL => Err(()),
            Some(t) if !t.trim().is_empty() => Ok(Some(t)),
            _ => Ok(None),
        };
        let nomor = cell(Column::Nomor)
            .ok()
            .flatten()
            .map(clean_nomor)
            .filter(|n| !n.is_empty());
        // Read only when it counts: beside a `pemilihan` cell, or without `--election`.
        let column = cell(Column::Pemilihan);
        let by_number = match (&nomor, &column, self.default) {
            (Some(n), Ok(Some(_)), _) | (Some(n), Ok(None), None) => self.elections_by_number(n),
            _ => Vec::new(),
        };
        match column {
            Err(()) => return (None, None),
            Ok(Some(t)) => {
                return match election(self.reference, t) {
                    Ok(e) => match by_number[..] {
                        [other] if other.code != e.code => (
                            Some(e),
                            Some(Issue::ElectionConflict {
                                named: e.code.clone(),
                                nomor: nomor.map(|n| n.into_owned()).unwrap_or_default(),
                                by_number: other.code.clone(),
                            }),
                        ),
                        _ => (Some(e), None),
                    },
                    Err(issue) => (None, Some(issue)),
                };
            }
            Ok(None) => {}
        }
        if let Some(e) = self.default {
            return (Some(e), None);
        }
        if let [e] = by_number[..] {
            return (Some(e), None);
        }
        if let [e] = &self.reference.elections[..] {
            return (Some(e), None);
        }
        if nomor.is_none() {
            // The number's own issue is reported.
            return (None, None);
        }
        let codes = |es: &mut dyn Iterator<Item = &Election>| {
            es.map(|e| e.code.as_str()).collect::<Vec<_>>().join(", ")
        };
        let mut segments: Vec<String> = Vec::new();
        for e in &self.reference.elections {
            if !segments.contains(&e.case_segment) {
                segments.push(e.case_segment.clone());
            }
        }
        (
            None,
            Some(Issue::ElectionUntold {
                fits: (by_number.len() > 1).then(|| codes(&mut by_number.iter().copied())),
                elections: codes(&mut self.reference.elections.iter()),
                segments,
            }),
        )
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
        let (election, mut election_issue) = self.election_of(cells, skip);
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
            // The steps after forwarding are read by `follow_ups`, the handling history by
            // `transfers`; the place once the office is known, below.
            if matches!(spec.kind, Kind::FollowUp | Kind::Place | Kind::Chain) {
                continue;
            }
            // The election was read first: the stage and the contest are read as its own.
            if spec.kind == Kind::Election {
                if let Some(issue) = election_issue.take() {
                    issues.push((c, issue));
                }
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
                Some(t) => match self.read(spec.kind, t, election) {
                    Ok(v) => values[c.index()] = Some(v),
                    Err(issue) => issues.push((c, issue)),
                },
            }
        }
        self.check_dates(&values, &mut issues);
        let place = match &values[Column::KodeWilayah.index()] {
            // A transferred case happened where the office that received it looks: its place is
            // read in that office's area (the first `from` of its handling history).
            Some(Value::Region(office)) => {
                let area = self.receiving_office(cells, skip);
                self.place(cells, skip, area.as_deref().unwrap_or(office), &mut issues)
            }
            // The office's own issue is reported; where it happened cannot be read without it.
            _ => Place::default(),
        };
        if !issues.is_empty()
            || COLUMNS
                .iter()
                .any(|s| s.required && skip.contains(s.column))
        {
            return Err(issues);
        }
        let Some(election) = election else {
            // Not reached: a row without its election has an issue saying why.
            return Err(Vec::new());
        };
        build(values, place, &election.code).ok_or_else(Vec::new)
    }

    /// Reads one non-empty cell; a stage and a contest as those of `election`, the row's.
    fn read(&self, kind: Kind, t: &str, election: Option<&'r Election>) -> Result<Value, Issue> {
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
            Kind::FollowUp | Kind::Place | Kind::Chain => Value::Text(t.to_string()),
            Kind::Tps => Value::Tps(parse_tps(trimmed).ok_or_else(|| {
                Issue::from(PlaceIssue::BadTps {
                    value: t.to_string(),
                })
            })?),
            Kind::Region => Value::Region(self.region(t)?),
            Kind::Stage => Value::Stage(self.stage(election, t)?),
            // Read with the election it belongs to; a row whose election is not known is refused
            // for that, and its contest cannot be checked.
            Kind::Contest => match election {
                Some(e) => Value::Contest(contest_of(e, t)?),
                None => Value::Contest(trimmed.to_string()),
            },
            // Read before the other cells (`election_of`).
            Kind::Election => Value::Text(trimmed.to_string()),
        })
    }

    /// The code of the stage of `election` a cell names by code or name. Without the row's
    /// election (it could not be told), any election's stage is taken: the row is refused for
    /// its election.
    pub fn stage(&self, election: Option<&'r Election>, t: &str) -> Result<String, Issue> {
        let trimmed = t.trim();
        let Some(e) = election else {
            let all = || self.reference.elections.iter().flat_map(|e| &e.stages);
            return match self
                .reference
                .elections
                .iter()
                .find_map(|e| stage_of(e, trimmed))
            {
                Some(s) => Ok(s.code.clone()),
                None => Err(Issue::UnknownStage {
                    value: t.to_string(),
                    suggestion: suggest_stage(all(), trimmed).map(|s| s.code.clone()),
                }),
            };
        };
        if let Some(s) = stage_of(e, trimmed) {
            return Ok(s.code.clone());
        }
        let elsewhere = self
            .reference
            .elections
            .iter()
            .any(|o| o.code != e.code && stage_of(o, trimmed).is_some());
        if elsewhere {
            return Err(stage_not_of(e, t));
        }
        Err(Issue::UnknownStage {
            value: t.to_string(),
            suggestion: suggest_stage(e.stages.iter(), trimmed).map(|s| s.code.clone()),
        })
    }

    /// The code of the region a cell names by Kemendagri code, short name or name; an unknown one
    /// with the nearest region to suggest.
    pub fn region(&self, t: &str) -> Result<String, Issue> {
        let trimmed = t.trim();
        // By code, any office: a Panwaslu Kecamatan's too (`64.72.03`); by name, the offices
        // above the kecamatan.
        let r = self
            .reference
            .office(trimmed)
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

    /// Where the row's case happened: its kecamatan (`kecamatan` or `kode_kecamatan`, by code or
    /// name within the area of `office`), its kelurahan/desa (`desa` or `kode_desa`, within the
    /// kecamatan, or within the area when the row names no kecamatan: then the desa tells it);
    /// without either, a Panwaslu Kecamatan's own kecamatan. Issues go to `issues`, each at the
    /// cell it is about.
    fn place(
        &self,
        cells: &[Option<Cow<'_, str>>],
        skip: ColumnSet,
        office: &str,
        issues: &mut Vec<(Column, Issue)>,
    ) -> Place {
        let cell = |c: Column| -> Option<&str> {
            if skip.contains(c) {
                return None;
            }
            cells[c.index()]
                .as_deref()
                .filter(|t| !t.trim().is_empty() && t.len() <= MAX_CELL)
        };
        let r = self.reference;
        let area = r.handling_region(office);
        let before = issues.len();
        let mut kec: Option<&Region> = None;
        // The code first: a name the area shares between kecamatan is told by the code beside it.
        for c in [Column::KodeKecamatan, Column::Kecamatan] {
            let Some(t) = cell(c) else { continue };
            // The name as the code's kecamatan spells it (an export's row) needs no folding.
            if kec.is_some_and(|k| k.name == t.trim() || fold_place(&k.name) == fold_place(t)) {
                continue;
            }
            match self.kecamatan(t, area) {
                Ok(k) => match kec {
                    Some(first) if first.code != k.code => issues.push((
                        c,
                        PlaceIssue::KecamatanConflict {
                            named: kecamatan_label(k),
                            coded: kecamatan_label(first),
                        }
                        .into(),
                    )),
                    _ => kec = Some(k),
                },
                Err(issue) => issues.push((c, issue)),
            }
        }
        if issues.len() > before {
            return Place::default();
        }
        let own = r.kecamatan(office);
        let mut desa: Option<&Desa> = None;
        for c in [Column::KodeDesa, Column::Desa] {
            let Some(t) = cell(c) else { continue };
            if desa.is_some_and(|d| d.name == t.trim() || fold_place(&d.name) == fold_place(t)) {
                continue;
            }
            match self.desa(t, kec, own, area) {
                Ok(d) => match desa {
                    Some(first) if first.code != d.code => issues.push((
                        c,
                        PlaceIssue::DesaConflict {
                            named: desa_label(d),
                            coded: desa_label(first),
                        }
                        .into(),
                    )),
                    _ => desa = Some(d),
                },
                Err(issue) => issues.push((c, issue)),
            }
        }
        if issues.len() > before {
            return Place::default();
        }
        let kec = kec
            .or_else(|| desa.and_then(|d| r.kecamatan(&d.kecamatan)))
            .or(own);
        Place {
            kecamatan: kec.map(|k| (k.code.clone(), k.name.clone())),
            desa: desa.map(|d| d.code.clone()),
        }
    }

    /// The kecamatan of `area` (a handling region) that `text` names by code or name.
    fn kecamatan(&self, text: &str, area: &str) -> Result<&'r Region, Issue> {
        let r = self.reference;
        let pool = r.kecamatan_in(area);
        let near = match match_place(text, pool, |k| &k.code, |k| &k.name) {
            Ok(k) => return Ok(k),
            Err(near) => near,
        };
        let value = text.trim().to_string();
        let same = exact(text, pool, |k| &k.name);
        if same.len() > 1 {
            return Err(PlaceIssue::KecamatanTwice {
                value,
                which: list(same.iter().map(|k| kecamatan_label(k))),
            }
            .into());
        }
        let area_name = self.area_name(area);
        let elsewhere: Vec<&Region> = match r.kecamatan(text.trim()) {
            Some(k) => vec![k],
            None => exact(text, &r.kecamatan, |k| &k.name),
        };
        if !elsewhere.is_empty() {
            let found = list(elsewhere.iter().map(|k| {
                let parent = k
                    .parent_code
                    .as_deref()
                    .and_then(|p| r.region(p))
                    .map_or(String::new(), |p| format!(", {}", p.name));
                format!("{}{parent}", kecamatan_label(k))
            }));
            return Err(PlaceIssue::KecamatanElsewhere {
                value,
                found,
                area: area_name,
            }
            .into());
        }
        let (candidates, more) = compact(pool.iter().map(|k| k.name.as_str()));
        Err(PlaceIssue::UnknownKecamatan {
            value,
            suggestion: near.first().map(|k| kecamatan_label(k)),
            area: area_name,
            candidates,
            more,
        }
        .into())
    }

    /// The kelurahan/desa `text` names by code or name: within `kec` when the row names one;
    /// else within `own` (a Panwaslu Kecamatan's kecamatan) first, then within `area`.
    fn desa(
        &self,
        text: &str,
        kec: Option<&Region>,
        own: Option<&'r Region>,
        area: &str,
    ) -> Result<&'r Desa, Issue> {
        let r = self.reference;
        let value = text.trim().to_string();
        // Found only when needed: a row's kecamatan is most often given, and the area's desa
        // are a search of the whole list.
        let in_area = || r.desa_in(area);
        if let Some(k) = kec {
            let pool = r.desa_in(&k.code);
            let near = match match_place(text, pool, |d| &d.code, |d| &d.name) {
                Ok(d) => return Ok(d),
                Err(near) => near,
            };
            let elsewhere: Vec<&Desa> = match r.desa(text.trim()) {
                Some(d) => vec![d],
                None => exact(text, in_area(), |d| &d.name),
            };
            if let Some(d) = elsewhere.first() {
                return Err(PlaceIssue::DesaOutside {
                    value,
                    lies_in: r
                        .kecamatan(&d.kecamatan)
                        .map_or_else(|| d.kecamatan.clone(), kecamatan_label),
                    kecamatan: kecamatan_label(k),
                }
                .into());
            }
            let (candidates, more) = compact(pool.iter().map(|d| d.name.as_str()));
            return Err(PlaceIssue::UnknownDesa {
                value,
                suggestion: near.first().map(|d| desa_label(d)),
                within: format!("Kec. {}", k.name),
                candidates,
                more,
            }
            .into());
        }
        if let Some(k) = own
            && let Ok(d) = match_place(text, r.desa_in(&k.code), |d| &d.code, |d| &d.name)
        {
            return Ok(d);
        }
        let in_area = in_area();
        let near = match match_place(text, in_area, |d| &d.code, |d| &d.name) {
            Ok(d) => return Ok(d),
            Err(near) => near,
        };
        let same = exact(text, in_area, |d| &d.name);
        if same.len() > 1 {
            return Err(PlaceIssue::DesaTwice {
                value,
                which: list(same.iter().map(|d| {
                    let kec = r.kecamatan(&d.kecamatan).map_or("", |k| k.name.as_str());
                    format!("{} ({}, Kec. {kec})", d.name, d.code)
                })),
            }
            .into());
        }
        let (candidates, more) = compact(in_area.iter().map(|d| d.name.as_str()));
        Err(PlaceIssue::UnknownDesa {
            value,
            suggestion: near.first().map(|d| desa_label(d)),
            within: self.area_name(area),
            candidates,
            more,
        }
        .into())
    }

    /// The name of an office's area as a message gives it: "Kota Samarinda".
    fn area_name(&self, area: &str) -> String {
        self.reference
            .office(area)
            .map_or_else(|| area.to_string(), |r| r.name.clone())
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

    /// The office that received a row's case, when the row gives a handling history whose
    /// first entry names an office of the database; `None` otherwise (its own issue is reported
    /// by `transfers`).
    fn receiving_office(&self, cells: &[Option<Cow<'_, str>>], skip: ColumnSet) -> Option<String> {
        let c = Column::Pelimpahan;
        let text = cells[c.index()]
            .as_deref()
            .filter(|t| !skip.contains(c) && t.len() <= MAX_CELL)?;
        let date = |t: &str| self.date(t, t.trim()).ok();
        let chain = crate::import::chain::parse(text, &date).ok()?;
        let first = chain.first()?;
        self.reference.office(&first.from).map(|r| r.code.clone())
    }

    /// The handling history a row gives (`pelimpahan`), oldest first, checked as `pantau limpah`
    /// checks a transfer: offices the database holds, days from the case's receipt to today and
    /// in order, each entry starting where the one above ends, a take-over only by an office
    /// above, the last ending at the row's office. Empty when the row gives none.
    pub fn transfers(
        &self,
        cells: &Cells<'_>,
        skip: ColumnSet,
        case: &Case,
    ) -> Result<Vec<crate::import::chain::Read>, Vec<(Column, Issue)>> {
        use crate::import::problem::ChainFault as F;
        let c = Column::Pelimpahan;
        let text = match cells[c.index()].as_deref() {
            Some(t) if !skip.contains(c) && t.len() <= MAX_CELL => t,
            _ => return Ok(Vec::new()),
        };
        let fault = |n: usize, f: F| vec![(c, Issue::Chain(n, Box::new(f)))];
        let date = |t: &str| self.date(t, t.trim()).ok();
        let mut chain = crate::import::chain::parse(text, &date).map_err(|(n, f)| fault(n, f))?;
        let mut previous: Option<&crate::import::chain::Read> = None;
        for (i, e) in chain.iter_mut().enumerate() {
            let n = i + 1;
            for code in [&mut e.from, &mut e.to] {
                match self.reference.office(code) {
                    Some(r) => *code = r.code.clone(),
                    None => {
                        let value = code.clone();
                        return Err(fault(n, F::UnknownOffice { value }));
                    }
                }
            }
        }
        for (i, e) in chain.iter().enumerate() {
            let n = i + 1;
            let f = if e.on < case.tanggal_diterima {
                Some(F::BeforeReceipt {
                    on: e.on,
                    received: case.tanggal_diterima,
                })
            } else if e.on > self.today {
                Some(F::InFuture {
                    on: e.on,
                    today: self.today,
                })
            } else if let Some(p) = previous.filter(|p| e.on < p.on) {
                Some(F::BeforeLast {
                    on: e.on,
                    last: p.on,
                })
            } else if let Some(p) = previous.filter(|p| e.from != p.to) {
                Some(F::Broken {
                    from: e.from.clone(),
                    previous: p.to.clone(),
                })
            } else if e.from == e.to {
                Some(F::SameOffice {
                    office: e.to.clone(),
                })
            } else if e.kind == crate::store::offices::TransferKind::DiambilAlih
                && !crate::store::offices::is_above(&e.to, &e.from)
            {
                Some(F::NotAbove {
                    from: e.from.clone(),
                    to: e.to.clone(),
                })
            } else {
                None
            };
            if let Some(f) = f {
                return Err(fault(n, f));
            }
            previous = Some(e);
        }
        if let Some(last) = chain.last().filter(|l| l.to != case.kode_wilayah) {
            return Err(fault(
                chain.len(),
                F::EndsElsewhere {
                    to: last.to.clone(),
                    office: case.kode_wilayah.clone(),
                },
            ));
        }
        Ok(chain)
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

/// A TPS number (the region tree's reading, which views share).
pub use crate::domain::wilayah::parse_tps;

/// The places of `pool` whose name is `text` once folded (case, spacing, "Kec."/"Desa" forgiven).
fn exact<'a, T>(text: &str, pool: &'a [T], name: impl Fn(&T) -> &str) -> Vec<&'a T> {
    let want = fold_place(text);
    pool.iter()
        .filter(|p| fold_place(name(p)) == want)
        .collect()
}

/// "Samarinda Ulu (64.72.03)".
fn kecamatan_label(k: &Region) -> String {
    format!("{} ({})", k.name, k.code)
}

/// "Bugis (64.72.06.1001)".
fn desa_label(d: &Desa) -> String {
    format!("{} ({})", d.name, d.code)
}

/// Items joined by commas.
fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// The first names of a list of candidates, and how many were left out: a message names an
/// area's kecamatan without running on for a province's hundred.
fn compact<'a>(names: impl Iterator<Item = &'a str>) -> (String, usize) {
    const SHOWN: usize = 12;
    let mut all: Vec<&str> = names.collect();
    all.sort_unstable();
    let shown = all.len().min(SHOWN);
    (all[..shown].join(", "), all.len() - shown)
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

/// The election of `reference` a cell or `--election` names by code or name in either language,
/// any case and spacing (`PILKADA2024`, `Pilkada 2024`); else the issue with the nearest one or the
/// list of those there are.
pub fn election<'r>(reference: &'r Reference, text: &str) -> Result<&'r Election, Issue> {
    let trimmed = text.trim();
    reference
        .election(trimmed)
        .or_else(|| reference.find_election(trimmed))
        .ok_or_else(|| Issue::UnknownElection {
            value: text.to_string(),
            suggestion: reference.suggest_election(trimmed).map(|e| e.code.clone()),
            choices: reference
                .elections
                .iter()
                .map(|e| format!("{} ({})", e.code, e.name_id))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// The stage of `e` whose code is `text`, or whose code or name in either language matches it
/// ignoring case and spacing.
fn stage_of<'e>(e: &'e Election, text: &str) -> Option<&'e Stage> {
    e.stage(text).or_else(|| {
        let want = fold(text);
        e.stages
            .iter()
            .find(|s| fold(&s.code) == want || fold(&s.name_id) == want || fold(&s.name_en) == want)
    })
}

/// The stage nearest to a misspelt `text` among `stages`, for "did you mean".
fn suggest_stage<'s>(stages: impl Iterator<Item = &'s Stage>, text: &str) -> Option<&'s Stage> {
    let want = fold(text);
    stages
        .map(|s| {
            (
                strsim::levenshtein(&fold(&s.code), &want)
                    .min(strsim::levenshtein(&fold(&s.name_id), &want)),
                s,
            )
        })
        .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

/// The issue of a stage `text` that election `e` does not have, listing the stages it has.
pub fn stage_not_of(e: &Election, text: &str) -> Issue {
    Issue::StageNotOfElection {
        value: text.to_string(),
        election: e.code.clone(),
        stages: e
            .stages
            .iter()
            .map(|s| s.code.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The code of the contest of `e` a cell names by code or name (either language, any case and
/// spacing), or the issue listing the contests it has.
pub fn contest_of(e: &Election, text: &str) -> Result<String, Issue> {
    let trimmed = text.trim();
    let want = fold(trimmed);
    let found = e.contest(trimmed).or_else(|| {
        e.contests
            .iter()
            .find(|c| fold(&c.code) == want || fold(&c.name_id) == want || fold(&c.name_en) == want)
    });
    if let Some(c) = found {
        return Ok(c.code.clone());
    }
    let suggestion = e
        .contests
        .iter()
        .map(|c| {
            let d = [&c.code, &c.name_id, &c.name_en]
                .iter()
                .map(|k| strsim::levenshtein(&fold(k), &want))
                .min()
                .unwrap_or(usize::MAX);
            (d, c)
        })
        .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.code.as_str().into());
    Err(Issue::UnknownContest {
        value: text.to_string(),
        election: e.code.clone(),
        suggestion,
        contests: e
            .contests
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
            .into(),
    })
}

/// Assembles the case of `election` from read values; `None` if a required value is missing.
fn build(mut v: [Option<Value>; N], place: Place, election: &str) -> Option<Case> {
    let mut take = |c: Column| v[c.index()].take();
    let text = |x: Option<Value>| match x {
        Some(Value::Text(s) | Value::Region(s) | Value::Stage(s) | Value::Contest(s)) => Some(s),
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
        election: election.to_string(),
        nomor: text(take(Column::Nomor))?,
        nomor_registrasi: text(take(Column::NomorRegistrasi)),
        sumber: code(take(Column::Sumber)).and_then(Source::from_code)?,
        kode_wilayah: text(take(Column::KodeWilayah))?,
        kecamatan: place.kecamatan.as_ref().map(|(_, name)| name.clone()),
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
        kontestasi: text(take(Column::Kontestasi)),
        tps: match take(Column::Tps) {
            Some(Value::Tps(n)) => Some(n),
            _ => None,
        },
        kode_kecamatan: place.kecamatan.map(|(code, _)| code),
        kode_desa: place.desa,
    })
}

/// The case a known case becomes when a row gives the columns in `given`: those columns from the
/// row, the others kept as they are (a file without `uraian` does not erase descriptions). The
/// election is always the row's (every row has one: from its column, `--election` or its number;
/// in a database of one election, that one): a row that names another election corrects it, its
/// stage (a required column) read as that election's.
pub fn merge(existing: &Case, row: &Case, given: ColumnSet) -> Case {
    let mut m = existing.clone();
    m.election.clone_from(&row.election);
    macro_rules! take {
        ($($col:ident => $field:ident),+ $(,)?) => {$(
            if given.contains(Column::$col) {
                m.$field = row.$field.clone();
            }
        )+};
    }
    take!(
        NomorRegistrasi => nomor_registrasi, Sumber => sumber, KodeWilayah => kode_wilayah, Tps => tps,
        KodeTahapan => kode_tahapan, TanggalKejadian => tanggal_kejadian, TanggalDiketahui => tanggal_diketahui,
        TanggalDiterima => tanggal_diterima, TanggalRegistrasi => tanggal_registrasi, Status => status,
        Diperpanjang => diperpanjang, JenisDugaan => jenis_dugaan, JenisPelanggaran => jenis_pelanggaran,
        Pasal => pasal, Uraian => uraian, Terlapor => terlapor, KategoriTerlapor => kategori_terlapor,
        Pelapor => pelapor, DiteruskanKe => diteruskan_ke, NomorSuratPenerusan => nomor_surat_penerusan,
        TanggalPenerusan => tanggal_penerusan, Kontestasi => kontestasi,
    );
    // Where it happened is read as a whole: a kecamatan given (or told by a desa given) replaces
    // the stored one, and a stored desa outside it goes; a desa cell given replaces the desa. A
    // case that names no kecamatan takes a new Panwaslu Kecamatan office's.
    let kec_given = given.contains(Column::Kecamatan) || given.contains(Column::KodeKecamatan);
    let desa_given = given.contains(Column::Desa) || given.contains(Column::KodeDesa);
    let unplaced = m.kecamatan.is_none() && m.kode_kecamatan.is_none();
    if kec_given
        || (desa_given && row.kode_desa.is_some())
        || (unplaced && given.contains(Column::KodeWilayah))
    {
        m.kecamatan.clone_from(&row.kecamatan);
        m.kode_kecamatan.clone_from(&row.kode_kecamatan);
    }
    if desa_given {
        m.kode_desa.clone_from(&row.kode_desa);
    } else if let Some(d) = &m.kode_desa
        && !m
            .kode_kecamatan
            .as_deref()
            .is_some_and(|k| d.starts_with(&format!("{k}.")))
    {
        m.kode_desa = None;
    }
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
    fn the_election_comes_from_the_column_the_flag_the_number_or_the_only_election() {
        let mut reference = Reference::embedded();
        let told = |reference: &Reference, flag: Option<&str>, nomor: &str, column: &str| {
            let v = Validator::new(reference, NaiveDate::from_ymd_opt(2025, 1, 31).unwrap())
                .with_election(flag);
            let mut pairs = minimal();
            pairs[0].1 = nomor;
            pairs.push((Column::Pemilihan, column));
            let (cells, given) = row(&pairs);
            v.case(&cells, given, ColumnSet::default())
                .map(|c| c.election)
        };
        let pemilu = Ok("PEMILU2024".to_string());
        let pilkada = Ok("PILKADA2024".to_string());
        assert_eq!(told(&reference, None, "B-1", "Pilkada 2024"), pilkada);
        assert_eq!(told(&reference, Some("PILKADA2024"), "B-1", ""), pilkada);
        assert_eq!(
            told(&reference, Some("PILKADA2024"), "B-1", "pemilu2024"),
            pemilu,
            "the column comes before the flag"
        );
        assert_eq!(told(&reference, None, "1/TM/PL/64.71/XII/2023", ""), pemilu);
        assert_eq!(told(&reference, None, "1/TM/PB/64.71/X/2024", ""), pilkada);
        let untold = told(&reference, None, "B-1", "").unwrap_err();
        assert!(
            matches!(&untold[..], [(Column::Pemilihan, Issue::ElectionUntold { fits: None, segments, .. })] if segments == &["PL", "PB"]),
            "{untold:?}"
        );
        let conflict = told(&reference, None, "1/TM/PB/64.71/X/2024", "PEMILU2024").unwrap_err();
        assert!(
            matches!(&conflict[..], [(Column::Pemilihan, Issue::ElectionConflict { named, by_number, .. })] if named == "PEMILU2024" && by_number == "PILKADA2024"),
            "{conflict:?}"
        );
        // A Pilkada a year later: a PB number of 2024 fits both (voted in 2024 and in 2025).
        let mut later = reference.election("PILKADA2024").unwrap().clone();
        later.code = "PILKADA2025".into();
        later.voting_day = NaiveDate::from_ymd_opt(2025, 11, 27).unwrap();
        reference.elections.push(later);
        let two = told(&reference, None, "1/TM/PB/64.71/X/2024", "").unwrap_err();
        assert!(
            matches!(&two[..], [(Column::Pemilihan, Issue::ElectionUntold { fits: Some(f), .. })] if f == "PILKADA2024, PILKADA2025"),
            "{two:?}"
        );
        assert_eq!(
            told(&reference, None, "1/TM/PB/64.71/X/2025", ""),
            Ok("PILKADA2025".to_string())
        );
        // One election: every row that does not say is its, whatever its number.
        reference.elections.retain(|e| e.code == "PEMILU2024");
        assert_eq!(told(&reference, None, "B-1", ""), pemilu);
        assert_eq!(told(&reference, None, "1/TM/PB/64.71/X/2024", ""), pemilu);
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
    fn merge_takes_the_place_as_a_whole() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
        let mut old = Case::new("PEMILU2024", "A", Source::Temuan, "64.72", "KAMPANYE", d);
        old.kecamatan = Some("Samarinda Kota".into());
        old.kode_kecamatan = Some("64.72.09".into());
        old.kode_desa = Some("64.72.09.1004".into());
        old.tps = Some(1);
        let mut row_case = old.clone();
        row_case.kecamatan = Some("Samarinda Ulu".into());
        row_case.kode_kecamatan = Some("64.72.03".into());
        row_case.kode_desa = None;
        row_case.tps = None;
        // Another kecamatan: the stored desa, of the old one, goes; the TPS not given stays.
        let mut given = ColumnSet::default();
        given.insert(Column::Kecamatan);
        let m = merge(&old, &row_case, given);
        assert_eq!(m.kode_kecamatan.as_deref(), Some("64.72.03"));
        assert_eq!((m.kode_desa, m.tps), (None, Some(1)));
        // The same kecamatan: the desa stays.
        row_case.kode_kecamatan = old.kode_kecamatan.clone();
        let m = merge(&old, &row_case, given);
        assert_eq!(m.kode_desa.as_deref(), Some("64.72.09.1004"));
        // An empty desa cell clears the desa and keeps the kecamatan.
        let mut given = ColumnSet::default();
        given.insert(Column::Desa);
        row_case.kode_kecamatan = None;
        row_case.kecamatan = None;
        let m = merge(&old, &row_case, given);
        assert_eq!(m.kode_kecamatan.as_deref(), Some("64.72.09"));
        assert_eq!(m.kode_desa, None);
    }

    #[test]
    fn tps_numbers_in_their_usual_forms() {
        for (t, n) in [
            ("5", 5),
            ("005", 5),
            ("TPS 005", 5),
            ("tps5", 5),
            (" TPS 12 ", 12),
        ] {
            assert_eq!(parse_tps(t), Some(n), "{t}");
        }
        for t in ["0", "10000", "", "TPS", "5a", "-3", "lima", "99999999999"] {
            assert_eq!(parse_tps(t), None, "{t}");
        }
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
