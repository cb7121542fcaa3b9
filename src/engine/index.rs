//! A compact in-memory column index of every case's dimensions (region, stage, source, status,
//! types, dates, status history), built from SQLite and kept current from its change log.
//! Holds no text and runs no view logic: `scan.rs` answers views over it.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::ops::ControlFlow;

use chrono::{Datelike, NaiveDate};

use crate::domain::{Reference, Source, Status, TypeGroup};
use crate::engine::sql::index::{self as sql, CaseFields, Read};
use crate::error::Error;
use crate::store::Store;

mod build;
mod verify;
pub use verify::SPOT_CHECKS;

/// A date as days since 1970-01-01; `NO_DAY` for none. Covers 1970 to 2149.
pub type Day = u16;
/// The stored "no date".
pub const NO_DAY: Day = Day::MAX;
/// Marks a deleted case's office.
pub const DELETED: u16 = u16::MAX;
/// No kecamatan recorded (the `kecamatan` column).
pub const NO_KECAMATAN: u16 = u16::MAX;
/// No kelurahan/desa recorded (the `desa` column).
pub const NO_DESA: u32 = u32::MAX;
/// No TPS recorded (the `tps` column).
pub const NO_TPS: u16 = 0;
/// No violation type recorded.
pub const NO_TYPE: u8 = u8::MAX;
/// No contest recorded.
pub const NO_CONTEST: u8 = u8::MAX;

/// Flag bits of a case.
pub const LAPORAN: u8 = 1;
pub const EXTENDED: u8 = 2;
/// The case was transferred or taken over at least once: its offices are in `moves`.
pub const TRANSFERRED: u8 = 4;

/// One transfer or take-over of the case at `pos`: from `day` on, `to` handles it (`from` had
/// received it). A case's moves are together, in the order they took effect.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub pos: u32,
    pub day: Day,
    pub from: u16,
    pub to: u16,
}

/// Why an index could not be built: the data holds something the compact form cannot hold. The
/// engine then answers from SQL, which holds everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

/// What building or refreshing found.
#[derive(Debug)]
pub enum IndexError {
    /// The database could not be read.
    Sql(Error),
    Unsupported(Unsupported),
}

impl From<Error> for IndexError {
    fn from(e: Error) -> Self {
        IndexError::Sql(e)
    }
}

fn unsupported(what: String) -> IndexError {
    IndexError::Unsupported(Unsupported(what))
}

/// One case's dimensions, by position.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CaseIndex {
    /// The database this index was built from (`meta.database_id`).
    pub database_id: String,
    /// The newest entry of the change log this index includes.
    pub revision: i64,
    /// The stamp of that entry (0 for an empty log): proves the index describes this history.
    pub stamp: i64,
    /// The codes of the handling offices: the regions above the kecamatan in reference order,
    /// then the kecamatan (Panwaslu Kecamatan) by code. `region[i]` and `kecamatan[i]` index
    /// this.
    pub regions: Vec<String>,
    /// The handling region of each of `regions` (docs/regions.md): an index into `regions`, a
    /// kecamatan's being its kabupaten/kota.
    pub handling: Vec<u16>,
    /// The kelurahan/desa codes by code: `desa[i]` indexes this.
    pub desa_codes: Vec<String>,
    /// Election codes by voting day.
    pub elections: Vec<String>,
    /// The stage code of each stage of each election (the elections by voting day, each's stages
    /// in display order): `stage[i]` indexes this, so a case's stage names its election too.
    pub stages: Vec<String>,
    /// The election of each of `stages`, an index into `elections`.
    pub stage_election: Vec<u8>,
    /// Every contest code of every election, each once: `contest[i]` indexes this, or is
    /// `NO_CONTEST`.
    pub contests: Vec<String>,
    /// Case ids, ascending (4 bytes each: a million cases hold 4 MB less than as `i64`; a
    /// database with an id beyond `u32::MAX` is counted from SQL). Read one with [`CaseIndex::id`].
    pub ids: Vec<u32>,
    /// The office handling each case now (an index into `regions`), or `DELETED`.
    pub region: Vec<u16>,
    pub stage: Vec<u8>,
    pub contest: Vec<u8>,
    pub flags: Vec<u8>,
    /// Current status, index into `Status::ALL`.
    pub status: Vec<u8>,
    /// Suspected and proven type, index into `TypeGroup::ALL`, or `NO_TYPE`.
    pub suspected: Vec<u8>,
    pub proven: Vec<u8>,
    pub received: Vec<Day>,
    pub known: Vec<Day>,
    pub registered: Vec<Day>,
    /// Where each case happened: its kecamatan (an index into `regions`, or `NO_KECAMATAN`), its
    /// kelurahan/desa (into `desa_codes`, or `NO_DESA`) and TPS number (`NO_TPS` for none). Each
    /// column stays empty until a case has a value: read them through [`CaseIndex::kecamatan_of`],
    /// [`CaseIndex::desa_of`], [`CaseIndex::tps_of`].
    pub kecamatan: Vec<u16>,
    pub desa: Vec<u32>,
    pub tps: Vec<u16>,
    /// The transfers of the cases flagged `TRANSFERRED`, by position.
    pub moves: Vec<Move>,
    /// Where each case's history starts in `history`, and how many entries it has.
    pub hist_start: Vec<u32>,
    pub hist_len: Vec<u8>,
    /// History entries, `day << 8 | status`, each case's in (changed_at, id) order.
    pub history: Vec<u32>,
    /// History entries no case points at any more (replaced by a refresh).
    pub garbage: usize,
    /// Read without the status histories, for views not asked as of a date: such an index
    /// answers only views of the current status, and is never written to the cache.
    pub without_history: bool,
}

/// What a refresh did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    /// Nothing changed since the index was built.
    Current,
    /// These many cases were read again.
    Updated(usize),
    /// The whole index was built again.
    Rebuilt,
}

/// What replaying the change log came to.
enum Replay {
    /// Nothing changed since the index was built.
    Current,
    /// The index must be built again.
    Rebuild,
    /// These many cases were read again; the index is now at this revision and stamp.
    Updated {
        cases: usize,
        revision: i64,
        stamp: i64,
    },
}

/// Beyond this many changed cases a refresh rebuilds instead.
const REPLAY_LIMIT: usize = 50_000;

/// Days since 1970-01-01 of an ISO date's first ten characters.
pub fn parse_day(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
    to_day(date)
}

/// Days since 1970-01-01, if within the index's range.
pub fn to_day(d: NaiveDate) -> Option<Day> {
    let n = d.num_days_from_ce() - EPOCH_CE;
    Day::try_from(n).ok().filter(|n| *n != NO_DAY)
}

/// The date of a day number.
pub fn from_day(d: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(i32::from(d) + EPOCH_CE).unwrap_or_default()
}

/// `num_days_from_ce` of 1970-01-01.
const EPOCH_CE: i32 = 719_163;

/// One case as read, before it is placed.
struct Row {
    id: i64,
    region: u16,
    kecamatan: u16,
    desa: u32,
    tps: u16,
    /// Its transfers: day, from, to.
    moves: Vec<(Day, u16, u16)>,
    stage: u8,
    contest: u8,
    flags: u8,
    status: u8,
    suspected: u8,
    proven: u8,
    received: Day,
    known: Day,
    registered: Day,
}

/// The codes the index numbers, from the reference data: regions, elections, each election's
/// stages, contest codes.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CodeLists {
    pub regions: Vec<String>,
    pub desa: Vec<String>,
    pub elections: Vec<String>,
    pub stages: Vec<String>,
    pub stage_election: Vec<u8>,
    pub contests: Vec<String>,
}

impl CodeLists {
    /// The lists of `reference`.
    pub fn of(reference: &Reference) -> CodeLists {
        let of = ListsOf(reference);
        let (stage_election, stages) = of.stages().map(|(e, s)| (e, s.to_string())).unzip();
        CodeLists {
            regions: of.regions().map(str::to_string).collect(),
            desa: of.desa().map(str::to_string).collect(),
            elections: of.elections().map(str::to_string).collect(),
            stages,
            stage_election,
            contests: of.contests().into_iter().map(str::to_string).collect(),
        }
    }
}

/// The code lists of a reference, in the index's order, borrowed: what [`CodeLists::of`]
/// copies, [`Codes::of`] maps and [`CaseIndex::fits`] compares.
#[derive(Clone, Copy)]
struct ListsOf<'a>(&'a Reference);

impl<'a> ListsOf<'a> {
    fn regions(self) -> impl Iterator<Item = &'a str> + Clone {
        self.0
            .regions
            .iter()
            .chain(&self.0.kecamatan)
            .map(|r| r.code.as_str())
    }

    fn desa(self) -> impl Iterator<Item = &'a str> + Clone {
        self.0.desa.iter().map(|d| d.code.as_str())
    }

    fn elections(self) -> impl Iterator<Item = &'a str> + Clone {
        self.0.elections.iter().map(|e| e.code.as_str())
    }

    /// Each election's stages, with the election's place in `elections`.
    fn stages(self) -> impl Iterator<Item = (u8, &'a str)> + Clone {
        self.0.elections.iter().enumerate().flat_map(|(i, e)| {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            e.stages.iter().map(move |s| (i, s.code.as_str()))
        })
    }

    fn contests(self) -> Vec<&'a str> {
        self.0.contest_codes()
    }
}

/// Maps the codes of a case to the index's small numbers (hashed with FxHash: the codes are
/// the reference data's, looked up a dozen times for each of a million cases), borrowing them.
struct Codes<'a> {
    regions: FxHashMap<&'a str, u16>,
    desa: FxHashMap<&'a str, u32>,
    /// By election code and stage code.
    stages: FxHashMap<&'a str, FxHashMap<&'a str, u8>>,
    contests: FxHashMap<&'a str, u8>,
}

impl<'a> Codes<'a> {
    /// The numbers of `reference`'s codes, in the order [`CodeLists::of`] lists them.
    fn of(reference: &'a Reference) -> Result<Codes<'a>, IndexError> {
        let of = ListsOf(reference);
        let small = |n: usize| u8::try_from(n).ok().filter(|n| *n != u8::MAX);
        // Each map made its size at once rather than rehashed as it grows.
        fn sized<K, V>(n: usize) -> FxHashMap<K, V> {
            FxHashMap::with_capacity_and_hasher(n, Default::default())
        }
        let mut regions = sized(of.regions().count());
        for (i, r) in of.regions().enumerate() {
            let i = u16::try_from(i)
                .ok()
                .filter(|i| *i != DELETED)
                .ok_or_else(|| unsupported("more than 65,534 offices".into()))?;
            regions.insert(r, i);
        }
        let mut desa = sized(reference.desa.len());
        for (i, d) in of.desa().enumerate() {
            let i = u32::try_from(i)
                .ok()
                .filter(|i| *i != NO_DESA)
                .ok_or_else(|| unsupported("too many kelurahan/desa".into()))?;
            desa.insert(d, i);
        }
        let elections: Vec<&str> = of.elections().collect();
        if elections.len() >= usize::from(u8::MAX) {
            return Err(unsupported("more than 254 elections".into()));
        }
        let mut stages = FxHashMap::default();
        for (i, (e, s)) in of.stages().enumerate() {
            let i = small(i).ok_or_else(|| {
                unsupported("more than 254 stages in all elections together".into())
            })?;
            let election = elections.get(usize::from(e)).copied().unwrap_or_default();
            stages
                .entry(election)
                .or_insert_with(FxHashMap::default)
                .insert(s, i);
        }
        let mut contests = FxHashMap::default();
        for (i, c) in of.contests().into_iter().enumerate() {
            let i = small(i).ok_or_else(|| unsupported("more than 254 contest codes".into()))?;
            contests.insert(c, i);
        }
        Ok(Codes {
            regions,
            desa,
            stages,
            contests,
        })
    }

    fn row(&self, c: &CaseFields<'_>, moves: &[sql::Transfer]) -> Result<Row, IndexError> {
        let id = c.id;
        let region = c.region.unwrap_or_default();
        let stage = c.stage.unwrap_or_default();
        let election = c.election.unwrap_or_default();
        let source = c.source.unwrap_or_default();
        let status = c.status.unwrap_or_default();
        let bad = |what: &str, v: &str| unsupported(format!("case {id}: {what} {v:?}"));
        let kind = |code: Option<&str>| -> Result<u8, IndexError> {
            match code {
                None => Ok(NO_TYPE),
                Some(code) => TypeGroup::from_code(code)
                    .and_then(|t| TypeGroup::ALL.iter().position(|x| *x == t))
                    .and_then(|p| u8::try_from(p).ok())
                    .ok_or_else(|| bad("type", code)),
            }
        };
        let day = |text: Option<&str>| -> Result<Day, IndexError> {
            match text {
                None => Ok(NO_DAY),
                Some(s) => parse_day(s).ok_or_else(|| bad("date", s)),
            }
        };
        let received = day(c.received)?;
        if received == NO_DAY {
            return Err(bad("received date", ""));
        }
        let mut flags = 0;
        match Source::from_code(source) {
            Some(Source::Laporan) => flags |= LAPORAN,
            Some(Source::Temuan) => {}
            None => return Err(bad("source", source)),
        }
        if c.extended {
            flags |= EXTENDED;
        }
        let office = |code: &str| {
            self.regions
                .get(code)
                .copied()
                .ok_or_else(|| bad("office", code))
        };
        let moves = moves
            .iter()
            .map(|t| {
                let day = parse_day(&t.on).ok_or_else(|| bad("transfer date", &t.on))?;
                Ok((day, office(&t.from)?, office(&t.to)?))
            })
            .collect::<Result<Vec<_>, IndexError>>()?;
        if !moves.is_empty() {
            flags |= TRANSFERRED;
        }
        Ok(Row {
            id,
            region: office(region)?,
            kecamatan: match c.kecamatan {
                None => NO_KECAMATAN,
                Some(k) => self
                    .regions
                    .get(k)
                    .copied()
                    .ok_or_else(|| bad("kecamatan", k))?,
            },
            desa: match c.desa {
                None => NO_DESA,
                Some(d) => self.desa.get(d).copied().ok_or_else(|| bad("desa", d))?,
            },
            tps: match c.tps {
                None => NO_TPS,
                Some(n) => u16::try_from(n)
                    .ok()
                    .filter(|n| *n != NO_TPS)
                    .ok_or_else(|| bad("TPS", &n.to_string()))?,
            },
            moves,
            stage: *self
                .stages
                .get(election)
                .and_then(|of| of.get(stage))
                .ok_or_else(|| bad("stage", &format!("{election}/{stage}")))?,
            contest: match c.contest {
                None => NO_CONTEST,
                Some(code) => *self
                    .contests
                    .get(code)
                    .ok_or_else(|| bad("contest", code))?,
            },
            flags,
            status: status_number(status).ok_or_else(|| bad("status", status))?,
            suspected: kind(c.suspected)?,
            proven: kind(c.proven)?,
            received,
            known: day(c.known)?,
            registered: day(c.registered)?,
        })
    }
}

/// The handling region of each office of `regions` (codes): a kecamatan's (`64.72.03`) is its
/// kabupaten/kota (`64.72`) when the list holds it, any other office's itself.
pub fn handling_of(regions: &[String]) -> Vec<u16> {
    let at: HashMap<&str, u16> = regions
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), u16::try_from(i).unwrap_or(DELETED)))
        .collect();
    regions
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let own = u16::try_from(i).unwrap_or(DELETED);
            if code.matches('.').count() != 2 {
                return own;
            }
            code.rsplit_once('.')
                .and_then(|(parent, _)| at.get(parent).copied())
                .unwrap_or(own)
        })
        .collect()
}

/// The capacity a column of `n` cases is given when it is read or built: some room to grow, so
/// that the cases a long-lived reader adds (a meeting adds a few thousand) never make a column
/// grow by copying (a copy beside the old column, freed memory the allocator keeps). Room that is
/// never written is never resident.
pub fn room(n: usize) -> usize {
    n + n / 16 + 4096
}

/// A case id as the index holds it; an id beyond `u32::MAX` is for SQL to count.
fn id_of(id: i64) -> Result<u32, IndexError> {
    u32::try_from(id).map_err(|_| unsupported(format!("case id {id} beyond {}", u32::MAX)))
}

/// Appends `v` at `pos` to a column kept empty while every value is `none`.
fn push_sparse<T: Copy + PartialEq>(col: &mut Vec<T>, pos: usize, v: T, none: T) {
    if col.is_empty() && v == none {
        return;
    }
    col.resize(pos, none);
    col.push(v);
}

/// Sets `v` at `pos` of a column of `len` cases kept empty while every value is `none`.
fn set_sparse<T: Copy + PartialEq>(col: &mut Vec<T>, len: usize, pos: usize, v: T, none: T) {
    if col.is_empty() {
        if v == none {
            return;
        }
        col.resize(len, none);
    }
    if let Some(x) = col.get_mut(pos) {
        *x = v;
    }
}

/// The index of a status code in `Status::ALL`.
fn status_number(code: &str) -> Option<u8> {
    let s = Status::from_code(code)?;
    Status::ALL
        .iter()
        .position(|x| *x == s)
        .and_then(|p| u8::try_from(p).ok())
}

/// One history entry as stored in the index.
fn history_entry(changed_at: &str, to: &str, case: i64) -> Result<u32, IndexError> {
    let day = parse_day(changed_at)
        .ok_or_else(|| unsupported(format!("case {case}: history date {changed_at:?}")))?;
    let status = status_number(to)
        .ok_or_else(|| unsupported(format!("case {case}: history status {to:?}")))?;
    Ok(u32::from(day) << 8 | u32::from(status))
}

impl CaseIndex {
    fn set_lists(&mut self, lists: CodeLists) {
        self.handling = handling_of(&lists.regions);
        self.regions = lists.regions;
        self.desa_codes = lists.desa;
        self.elections = lists.elections;
        self.stages = lists.stages;
        self.stage_election = lists.stage_election;
        self.contests = lists.contests;
    }

    /// The code lists this index numbers by.
    #[cfg(test)]
    fn lists(&self) -> CodeLists {
        CodeLists {
            regions: self.regions.clone(),
            desa: self.desa_codes.clone(),
            elections: self.elections.clone(),
            stages: self.stages.clone(),
            stage_election: self.stage_election.clone(),
            contests: self.contests.clone(),
        }
    }

    /// Room for `n` cases (and their growth: see [`room`]).
    fn reserve(&mut self, n: usize) {
        let n = room(n);
        self.ids.reserve(n);
        self.region.reserve(n);
        self.stage.reserve(n);
        self.contest.reserve(n);
        self.flags.reserve(n);
        self.status.reserve(n);
        self.suspected.reserve(n);
        self.proven.reserve(n);
        self.received.reserve(n);
        self.known.reserve(n);
        self.registered.reserve(n);
        self.hist_start.reserve(n);
        self.hist_len.reserve(n);
    }

    /// Appends a case whose history was pushed from `start`.
    fn push(&mut self, row: Row, start: usize) -> Result<(), IndexError> {
        if !self.without_history {
            let (start, len) = self.history_slot(row.id, start)?;
            self.hist_start.push(start);
            self.hist_len.push(len);
        }
        let pos = self.ids.len();
        push_sparse(&mut self.kecamatan, pos, row.kecamatan, NO_KECAMATAN);
        push_sparse(&mut self.desa, pos, row.desa, NO_DESA);
        push_sparse(&mut self.tps, pos, row.tps, NO_TPS);
        self.set_moves(pos, &row.moves);
        self.ids.push(id_of(row.id)?);
        self.region.push(row.region);
        self.stage.push(row.stage);
        self.contest.push(row.contest);
        self.flags.push(row.flags);
        self.status.push(row.status);
        self.suspected.push(row.suspected);
        self.proven.push(row.proven);
        self.received.push(row.received);
        self.known.push(row.known);
        self.registered.push(row.registered);
        Ok(())
    }

    fn history_slot(&self, id: i64, start: usize) -> Result<(u32, u8), IndexError> {
        let len = u8::try_from(self.history.len() - start)
            .map_err(|_| unsupported(format!("case {id}: more than 255 status changes")))?;
        let start = u32::try_from(start)
            .map_err(|_| unsupported("more than 4 billion status changes".into()))?;
        Ok((start, len))
    }

    /// Overwrites the case at `pos`.
    fn set(&mut self, pos: usize, row: Row, start: usize) -> Result<(), IndexError> {
        if !self.without_history {
            let (start, len) = self.history_slot(row.id, start)?;
            self.garbage += usize::from(self.hist_len[pos]);
            self.hist_start[pos] = start;
            self.hist_len[pos] = len;
        }
        let len = self.ids.len();
        set_sparse(&mut self.kecamatan, len, pos, row.kecamatan, NO_KECAMATAN);
        set_sparse(&mut self.desa, len, pos, row.desa, NO_DESA);
        set_sparse(&mut self.tps, len, pos, row.tps, NO_TPS);
        self.set_moves(pos, &row.moves);
        self.region[pos] = row.region;
        self.stage[pos] = row.stage;
        self.contest[pos] = row.contest;
        self.flags[pos] = row.flags;
        self.status[pos] = row.status;
        self.suspected[pos] = row.suspected;
        self.proven[pos] = row.proven;
        self.received[pos] = row.received;
        self.known[pos] = row.known;
        self.registered[pos] = row.registered;
        Ok(())
    }

    /// Replaces the transfers of the case at `pos`.
    fn set_moves(&mut self, pos: usize, moves: &[(Day, u16, u16)]) {
        let at = u32::try_from(pos).unwrap_or(u32::MAX);
        let start = self.moves.partition_point(|m| m.pos < at);
        let end = self.moves.partition_point(|m| m.pos <= at);
        self.moves.splice(
            start..end,
            moves.iter().map(|&(day, from, to)| Move {
                pos: at,
                day,
                from,
                to,
            }),
        );
    }

    /// The transfers of the case at `pos`, in the order they took effect.
    pub fn moves_of(&self, pos: usize) -> &[Move] {
        let at = u32::try_from(pos).unwrap_or(u32::MAX);
        let start = self.moves.partition_point(|m| m.pos < at);
        let end = start + self.moves[start..].partition_point(|m| m.pos <= at);
        &self.moves[start..end]
    }

    /// The office handling the case at `pos` on `day` (docs/regions.md): the office it was last
    /// transferred to on or before that day, else the one that received it.
    #[inline]
    pub fn office_on(&self, pos: usize, day: Day) -> u16 {
        if self.flags[pos] & TRANSFERRED == 0 {
            return self.region[pos];
        }
        let moves = self.moves_of(pos);
        match moves.iter().rev().find(|m| m.day <= day) {
            Some(m) => m.to,
            None => moves.first().map_or(self.region[pos], |m| m.from),
        }
    }

    /// The kecamatan where the case at `pos` happened, or `NO_KECAMATAN`.
    #[inline]
    pub fn kecamatan_of(&self, pos: usize) -> u16 {
        self.kecamatan.get(pos).copied().unwrap_or(NO_KECAMATAN)
    }

    /// The kelurahan/desa where the case at `pos` happened, or `NO_DESA`.
    #[inline]
    pub fn desa_of(&self, pos: usize) -> u32 {
        self.desa.get(pos).copied().unwrap_or(NO_DESA)
    }

    /// The TPS number of the case at `pos`, or `NO_TPS`.
    #[inline]
    pub fn tps_of(&self, pos: usize) -> u16 {
        self.tps.get(pos).copied().unwrap_or(NO_TPS)
    }

    /// How many cases the index holds (deleted ones excluded).
    pub fn len(&self) -> usize {
        self.region.iter().filter(|r| **r != DELETED).count()
    }

    /// Whether the index holds no case.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The history entries of the case at `pos`.
    pub fn history_of(&self, pos: usize) -> &[u32] {
        if self.without_history {
            return &[];
        }
        let start = self.hist_start[pos] as usize;
        &self.history[start..start + usize::from(self.hist_len[pos])]
    }

    /// The position of a case id.
    pub fn position_of(&self, id: i64) -> Option<usize> {
        self.ids.binary_search(&u32::try_from(id).ok()?).ok()
    }

    /// The id of the case at `pos`.
    #[inline]
    pub fn id(&self, pos: usize) -> i64 {
        i64::from(self.ids[pos])
    }

    /// The largest case id held, if any.
    pub fn last_id(&self) -> Option<i64> {
        self.ids.last().map(|id| i64::from(*id))
    }

    /// Whether this index was built from this database with this reference data.
    pub fn fits(&self, database_id: &str, reference: &Reference) -> bool {
        // `lists() == CodeLists::of(reference)`, without copying a code: this is asked on every
        // start, and a province's reference data holds thousands of desa.
        let of = ListsOf(reference);
        self.database_id == database_id
            && self.regions.iter().map(String::as_str).eq(of.regions())
            && self.desa_codes.iter().map(String::as_str).eq(of.desa())
            && self.elections.iter().map(String::as_str).eq(of.elections())
            && self
                .stages
                .iter()
                .map(String::as_str)
                .eq(of.stages().map(|(_, s)| s))
            && self
                .stage_election
                .iter()
                .copied()
                .eq(of.stages().map(|(e, _)| e))
            && self.contests.iter().map(String::as_str).eq(of.contests())
    }

    /// The index into `elections` of the case at `pos`.
    #[inline]
    pub fn election_number(&self, pos: usize) -> u8 {
        self.stage_election
            .get(usize::from(self.stage[pos]))
            .copied()
            .unwrap_or(u8::MAX)
    }

    /// The election code of the case at `pos`.
    pub fn election_of(&self, pos: usize) -> Option<&str> {
        self.elections
            .get(usize::from(self.election_number(pos)))
            .map(String::as_str)
    }

    /// The contest code of the case at `pos`, if it has one.
    pub fn contest_of(&self, pos: usize) -> Option<&str> {
        self.contests
            .get(usize::from(self.contest[pos]))
            .map(String::as_str)
    }

    /// The codes of the elections the index holds cases of (deleted ones left out).
    pub fn elections_with_cases(&self) -> Vec<String> {
        let mut seen = [false; 256];
        for (stage, region) in self.stage.iter().zip(&self.region) {
            if *region != DELETED {
                seen[usize::from(*stage)] = true;
            }
        }
        let mut held = vec![false; self.elections.len()];
        for (i, e) in self.stage_election.iter().enumerate() {
            if seen.get(i).copied().unwrap_or(false)
                && let Some(h) = held.get_mut(usize::from(*e))
            {
                *h = true;
            }
        }
        self.elections
            .iter()
            .zip(held)
            .filter(|(_, h)| *h)
            .map(|(e, _)| e.clone())
            .collect()
    }

    /// Brings the index up to date: reads again only the cases the change log names, or rebuilds
    /// when the log no longer reaches back to this index (or names too many cases).
    pub fn refresh(&mut self, store: &Store, reference: &Reference) -> Result<Refresh, IndexError> {
        match sql::in_one_read(store, || self.replay(store, reference))? {
            Replay::Current => Ok(Refresh::Current),
            Replay::Rebuild => {
                *self = CaseIndex::build(store, reference)?;
                Ok(Refresh::Rebuilt)
            }
            Replay::Updated {
                cases,
                revision,
                stamp,
            } => {
                self.revision = revision;
                self.stamp = stamp;
                if !self.without_history && self.garbage > self.history.len() / 4 {
                    self.compact_history();
                }
                Ok(Refresh::Updated(cases))
            }
        }
    }

    /// Reads again the cases the change log names since this index, unless it must be rebuilt.
    fn replay(&mut self, store: &Store, reference: &Reference) -> Result<Replay, IndexError> {
        let (database_id, max, min) = sql::database_state(store)?;
        // The entry this index ends at must still be there with its stamp: otherwise the index
        // describes another history (a restored copy written again), whatever the revision says.
        // An index made while the log was empty names no entry, so it is tied to no history: it
        // is rebuilt (any case written since is logged; a log emptied by hand must not let a copy
        // of other cases through).
        let same_history =
            self.revision > 0 && sql::stamp_at(store, self.revision)? == Some(self.stamp);
        let max_stamp = sql::stamp_at(store, max)?.unwrap_or(0);
        if max == self.revision && same_history && self.fits(&database_id, reference) {
            return Ok(Replay::Current);
        }
        let behind = min > self.revision + 1 || max < self.revision || !same_history;
        if behind || !self.fits(&database_id, reference) {
            return Ok(Replay::Rebuild);
        }
        let mut changed = sql::changed_since(store, self.revision)?;
        if changed.len() > REPLAY_LIMIT {
            return Ok(Replay::Rebuild);
        }
        changed.sort_unstable();
        let codes = Codes::of(reference)?;
        let transfers = sql::transfers(store, Some(&changed))?;
        let mut rebuild = false;
        // Where the history of the next case read starts.
        let mut start = self.history.len();
        sql::each_of_cases(store, &changed, !self.without_history, |read| {
            match read {
                Read::History { case, at, to } => {
                    self.history.push(history_entry(at, to, case)?);
                }
                Read::Gone(id) => {
                    if let Some(pos) = self.position_of(id) {
                        self.region[pos] = DELETED;
                        self.flags[pos] &= !TRANSFERRED;
                        self.set_moves(pos, &[]);
                    }
                }
                Read::Case(c) => {
                    let moves = transfers.get(&c.id).map_or(&[][..], Vec::as_slice);
                    let row = codes.row(&c, moves)?;
                    match self.position_of(c.id) {
                        Some(pos) => self.set(pos, row, start)?,
                        None if self.last_id().is_none_or(|last| last < c.id) => {
                            self.push(row, start)?
                        }
                        // A new case with an id below the highest (a reused id): positions
                        // would shift.
                        None => {
                            rebuild = true;
                            return Ok(ControlFlow::Break(()));
                        }
                    }
                    start = self.history.len();
                }
            }
            Ok::<_, IndexError>(ControlFlow::Continue(()))
        })?;
        if rebuild {
            return Ok(Replay::Rebuild);
        }
        Ok(Replay::Updated {
            cases: changed.len(),
            revision: max,
            stamp: max_stamp,
        })
    }

    /// Drops the history entries no case points at.
    fn compact_history(&mut self) {
        let mut history = Vec::with_capacity(self.history.len() - self.garbage);
        for pos in 0..self.ids.len() {
            let start = history.len();
            history.extend_from_slice(self.history_of(pos));
            self.hist_start[pos] = u32::try_from(start).unwrap_or(u32::MAX);
        }
        self.history = history;
        self.garbage = 0;
    }

    /// Approximate bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4
            + (self.region.capacity() + self.kecamatan.capacity() + self.tps.capacity()) * 2
            + self.desa.capacity() * 4
            + self.moves.capacity() * std::mem::size_of::<Move>()
            + (self.stage.capacity()
                + self.contest.capacity()
                + self.flags.capacity()
                + self.status.capacity()
                + self.suspected.capacity()
                + self.proven.capacity()
                + self.hist_len.capacity())
            + (self.received.capacity() + self.known.capacity() + self.registered.capacity()) * 2
            + (self.hist_start.capacity() + self.history.capacity()) * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_within_the_range() {
        for s in ["1970-01-01", "2024-02-02", "2149-06-05"] {
            let d = parse_day(s).unwrap();
            assert_eq!(from_day(d).to_string(), s);
        }
        assert_eq!(parse_day("1969-12-31"), None);
        assert_eq!(parse_day("2024-02-30"), None);
        assert_eq!(parse_day("02/02/2024"), None);
        assert_eq!(
            parse_day("2024-02-02 10:00:00"),
            parse_day("2024-02-02T23:59:59")
        );
    }

    #[test]
    fn an_index_fits_the_reference_data_whose_code_lists_it_holds_and_no_other() {
        let store = Store::memory().unwrap();
        let reference = store.reference().unwrap();
        let index = CaseIndex::build(&store, &reference).unwrap();
        let id = index.database_id.clone();
        let fits = |r: &Reference| index.fits(&id, r);
        let same = |r: &Reference| index.lists() == CodeLists::of(r);
        assert!(fits(&reference) && same(&reference));
        assert!(!index.fits("another database", &reference));
        let changes: [fn(&mut Reference); 7] = [
            |r| r.desa.truncate(r.desa.len() - 1),
            |r| r.desa.swap(0, 1),
            |r| r.kecamatan[0].code.push('9'),
            |r| r.regions.rotate_left(1),
            |r| r.elections.reverse(),
            |r| r.elections[0].stages.pop().map_or((), drop),
            |r| r.elections[1].contests.clear(),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut r = Reference::clone(&reference);
            change(&mut r);
            assert!(!same(&r), "change {i} changes no list");
            assert!(!fits(&r), "change {i}");
        }
    }
}
