//! Answers a view over the column index: which cases it holds, each with its status, type,
//! registration and deadline as of the view's date. Mirrors `sql/mod.rs` exactly (the oracle tests
//! hold both to one brute-force answer); never reads SQLite except to ask FTS5 for text terms.

use crate::domain::calendar::Calendar;
use crate::domain::election::Limits;
use crate::domain::{DayCount, DeadlineRules, Phase, Status, TypeGroup};
use crate::engine::index::{
    CaseIndex, Day, EXTENDED, LAPORAN, NO_CONTEST, NO_DAY, NO_DESA, NO_KECAMATAN, NO_TYPE,
    TRANSFERRED, to_day,
};
use crate::engine::sql::index::{follow_up_matches, fts_matches};
use crate::engine::sql::{Dates, fts_query};
use crate::error::Error;
use crate::store::Store;
use crate::view::{Flag, TermKind, View};

/// One case of a view, as of its date.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub pos: usize,
    /// The office handling the case on the view's date (an index into `CaseIndex::regions`).
    pub office: u16,
    /// Index into `Status::ALL`.
    pub status: u8,
    /// Index into `TypeGroup::ALL`.
    pub type_group: u8,
    pub registered: bool,
    /// The deadline, if handling goes on.
    pub due: Option<Day>,
    pub overdue: bool,
}

/// Deadlines looked up instead of counted: for each election of the index and each rule, the due
/// day of every start day.
#[derive(Debug, Clone)]
pub struct DueTable {
    first: Day,
    /// By election (the index's numbers): its limits (none when the rules do not know it: its
    /// cases then have no deadline, as in SQL) and, by rule, see [`due_by_rule`].
    elections: Vec<Option<(Limits, [Vec<Day>; RULES])>>,
}

/// Calendar days past the last start day that [`DueTable::new`] counts working days for: more
/// than any limit reaches (a sum beyond is counted day by day, with the same answer).
const CALENDAR_MARGIN: i64 = 120;

/// How many rules [`DueTable`] holds.
const RULES: usize = 6;
/// The rules by number.
const LEAD: usize = 0;
const INTAKE: usize = 1;
const DECISION: usize = 2;
const EXTENDED_DECISION: usize = 3;
const COMPLETION: usize = 4;
const FILING: usize = 5;

/// The sum of rule `rule` from `from` under an election's `limits` (as
/// `DeadlineRules::deadline` and `filing_due` count), with `add` summing days on dates or on day
/// numbers: a lead (known + 7, the procedure's count), intake (received + 2, procedure), the
/// decision (from registration or receipt + the election's days, its count), extended (its
/// extended days in total), completing the report (received + 2 + 2, procedure) and the laporan's
/// filing limit (known + the election's filing days). `None` when `add` has no answer.
fn sum_by_rule<D>(
    add: impl Fn(D, u32, DayCount) -> Option<D>,
    count: DayCount,
    limits: &Limits,
    rule: usize,
    from: D,
) -> Option<D> {
    use crate::domain::deadline::{COMPLETION_DAYS, INITIAL_REVIEW_DAYS, LEAD_DAYS};
    match rule {
        LEAD => add(from, LEAD_DAYS, count),
        INTAKE => add(from, INITIAL_REVIEW_DAYS, count),
        DECISION => add(from, limits.decide_days, limits.decide_count),
        EXTENDED_DECISION => add(from, limits.decide_extended_days, limits.decide_count),
        COMPLETION => add(
            add(from, INITIAL_REVIEW_DAYS, count)?,
            COMPLETION_DAYS,
            count,
        ),
        _ => add(from, limits.file_days, limits.file_count),
    }
}

/// The due day of rule `rule` from `from` (see [`sum_by_rule`]), counted on dates with `add`.
fn due_by_rule(
    add: impl Fn(chrono::NaiveDate, u32, DayCount) -> chrono::NaiveDate,
    count: DayCount,
    limits: &Limits,
    rule: usize,
    from: Day,
) -> Day {
    let from = crate::engine::index::from_day(from);
    sum_by_rule(|d, n, c| Some(add(d, n, c)), count, limits, rule, from)
        .and_then(to_day)
        .unwrap_or(NO_DAY - 1)
}

/// [`due_by_rule`] counted on `calendar`, whose run starts on day `first`, without making a
/// date; `None` when a sum leaves the run (then [`due_by_rule`] answers).
fn due_in_run(
    calendar: &Calendar<'_>,
    first: Day,
    count: DayCount,
    limits: &Limits,
    rule: usize,
    from: Day,
) -> Option<Day> {
    let add = |at: u32, n, c| calendar.add_from_first(at, n, c);
    let at = u32::from(from.checked_sub(first)?);
    let due = sum_by_rule(add, count, limits, rule, at)?;
    // As `to_day` of the date: a day past the last a `Day` holds is the last.
    Some(
        u32::from(first)
            .checked_add(due)
            .and_then(|d| Day::try_from(d).ok())
            .filter(|d| *d != NO_DAY)
            .unwrap_or(NO_DAY - 1),
    )
}

impl DueTable {
    /// The tables for start days `first..=last` under `rules`, for each of `elections` (the
    /// index's codes).
    pub fn new(rules: &DeadlineRules, elections: &[String], first: Day, last: Day) -> DueTable {
        use crate::engine::index::from_day;
        // Working days counted once for the run and the longest limit past its end.
        let calendar = Calendar::new(
            rules,
            from_day(first),
            from_day(last) + chrono::Duration::days(CALENDAR_MARGIN),
        );
        let add = |d, n, c| calendar.add(d, n, c);
        let elections = elections
            .iter()
            .map(|code| {
                let limits = *rules.limits(code)?;
                let tables = std::array::from_fn(|rule| {
                    (first..=last)
                        .map(|d| {
                            due_in_run(&calendar, first, rules.procedure, &limits, rule, d)
                                .unwrap_or_else(|| {
                                    due_by_rule(add, rules.procedure, &limits, rule, d)
                                })
                        })
                        .collect()
                });
                Some((limits, tables))
            })
            .collect();
        DueTable { first, elections }
    }

    /// The tables covering the dates of `index`: its received days, with a margin for the days a
    /// case becomes known (earlier) or registered (later); a day outside is counted when met.
    pub fn for_index(rules: &DeadlineRules, index: &CaseIndex) -> DueTable {
        let (lo, hi) = index
            .received
            .iter()
            .fold((Day::MAX, 0), |(lo, hi), d| (lo.min(*d), hi.max(*d)));
        if lo > hi {
            return DueTable::new(rules, &index.elections, 0, 0);
        }
        DueTable::new(
            rules,
            &index.elections,
            lo.saturating_sub(92),
            hi.saturating_add(92).min(NO_DAY - 1),
        )
    }

    /// Whether election number `election` counts its decision limit from registration.
    #[inline]
    fn counts_from_registration(&self, election: u8) -> bool {
        self.elections
            .get(usize::from(election))
            .and_then(Option::as_ref)
            .is_some_and(|(l, _)| {
                l.decide_from == crate::domain::election::DecideFrom::Registration
            })
    }

    /// The due day of `rule` from `from` for a case of election number `election`; `None` when
    /// the rules know no limits for it.
    #[inline]
    fn due(&self, election: u8, rule: usize, from: Day, rules: &DeadlineRules) -> Option<Day> {
        let (limits, tables) = self.elections.get(usize::from(election))?.as_ref()?;
        let table = &tables[rule];
        Some(match from.checked_sub(self.first).map(usize::from) {
            Some(i) if i < table.len() => table[i],
            // Outside the tables (a date the index does not hold): count it.
            _ => due_by_rule(
                |d, n, c| rules.add(d, n, c),
                rules.procedure,
                limits,
                rule,
                from,
            ),
        })
    }
}

/// A view compiled for the index.
struct Filter {
    as_of: Day,
    historical: bool,
    from: Day,
    to: Day,
    /// By handling office (see `CaseIndex::regions`), as the `wilayah:` and `provinsi:` terms
    /// test it: through its handling region, or its province.
    region: Vec<bool>,
    /// By kecamatan where the case happened (an index into `CaseIndex::regions`), and for a case
    /// naming none; `None` when the view names no kecamatan.
    kecamatan: Option<(Vec<bool>, bool)>,
    /// By kelurahan/desa (into `CaseIndex::desa_codes`), and for a case naming none.
    desa: Option<(Vec<bool>, bool)>,
    /// `tps:` terms: the numbers (0 for none) and whether the term is negated.
    tps: Vec<(Vec<u16>, bool)>,
    /// By stage of an election (see `CaseIndex::stages`): the stage terms and the election terms
    /// together.
    stage: Vec<bool>,
    /// By contest code, and (last) for a case without one.
    contest: Vec<bool>,
    /// By source: temuan, laporan.
    source: [bool; 2],
    status: Vec<bool>,
    type_group: Vec<bool>,
    flags: Vec<(Flag, bool)>,
    /// `pekan:` terms: the received days of each (first and last day of its pekan), and whether
    /// the term is negated.
    spans: Vec<(Vec<(Day, Day)>, bool)>,
    /// Positions allowed by the text terms and `lanjut:` terms, when there are any.
    text: Option<Vec<bool>>,
}

/// What a view cannot be compiled for the index with: the engine then asks SQL.
#[derive(Debug)]
pub struct NotIndexable;

fn allow<T: PartialEq>(mask: &mut [bool], all: &[T], values: &[T], negated: bool) {
    for (i, v) in all.iter().enumerate() {
        if values.contains(v) == negated {
            mask[i] = false;
        }
    }
}

impl Filter {
    fn new(
        view: &View,
        dates: Dates,
        index: &CaseIndex,
        store: &Store,
    ) -> Result<Filter, FilterError> {
        let day = |d| to_day(d).ok_or(FilterError::NotIndexable(NotIndexable));
        let mut f = Filter {
            as_of: day(dates.as_of)?,
            historical: dates.historical,
            from: 0,
            to: NO_DAY,
            region: vec![true; index.regions.len()],
            kecamatan: None,
            desa: None,
            tps: Vec::new(),
            stage: vec![true; index.stages.len()],
            contest: vec![true; index.contests.len() + 1],
            source: [true; 2],
            status: vec![true; Status::ALL.len()],
            type_group: vec![true; TypeGroup::ALL.len()],
            flags: Vec::new(),
            spans: Vec::new(),
            text: None,
        };
        let sources = [
            crate::domain::Source::Temuan,
            crate::domain::Source::Laporan,
        ];
        for term in &view.terms {
            let neg = term.negated;
            match &term.kind {
                TermKind::Election(_) => {
                    for (i, e) in index.stage_election.iter().enumerate() {
                        let code = index.elections.get(usize::from(*e)).map_or("", |c| c);
                        if term.admits_election(code) == Some(false) {
                            f.stage[i] = false;
                        }
                    }
                }
                TermKind::Contest(codes) => {
                    let n = index.contests.len();
                    allow(&mut f.contest[..n], &index.contests, codes, neg);
                    // A case without a contest is in no list.
                    if !neg {
                        f.contest[n] = false;
                    }
                }
                TermKind::Region(codes) => {
                    for (ok, h) in f.region.iter_mut().zip(&index.handling) {
                        let code = index.regions.get(usize::from(*h)).map_or("", |c| c);
                        if codes.iter().any(|c| c == code) == neg {
                            *ok = false;
                        }
                    }
                }
                TermKind::Province(codes) => {
                    for (ok, code) in f.region.iter_mut().zip(&index.regions) {
                        let province = crate::domain::Reference::province_of(code)
                            .unwrap_or(crate::domain::wilayah::RI);
                        if codes.iter().any(|c| c == province) == neg {
                            *ok = false;
                        }
                    }
                }
                TermKind::Kecamatan(codes) => {
                    let (mask, none) = f
                        .kecamatan
                        .get_or_insert_with(|| (vec![true; index.regions.len()], true));
                    allow(mask, &index.regions, codes, neg);
                    if codes.iter().any(String::is_empty) == neg {
                        *none = false;
                    }
                }
                TermKind::Desa(codes) => {
                    let (mask, none) = f
                        .desa
                        .get_or_insert_with(|| (vec![true; index.desa_codes.len()], true));
                    allow(mask, &index.desa_codes, codes, neg);
                    if codes.iter().any(String::is_empty) == neg {
                        *none = false;
                    }
                }
                TermKind::Tps(numbers) => f.tps.push((numbers.clone(), neg)),
                TermKind::Stage(codes) => allow(&mut f.stage, &index.stages, codes, neg),
                TermKind::Source(v) => allow(&mut f.source, &sources, v, neg),
                TermKind::Status(v) => allow(&mut f.status, Status::ALL, v, neg),
                TermKind::Type(v) => allow(&mut f.type_group, TypeGroup::ALL, v, neg),
                TermKind::From(d) => {
                    let d = day(d.resolve(dates.as_of))?;
                    if neg {
                        // received < d
                        f.to = f.to.min(
                            d.checked_sub(1)
                                .ok_or(FilterError::NotIndexable(NotIndexable))?,
                        );
                    } else {
                        f.from = f.from.max(d);
                    }
                }
                TermKind::To(d) => {
                    let d = day(d.resolve(dates.as_of))?;
                    if neg {
                        // received > d
                        f.from = f.from.max(d.saturating_add(1));
                    } else {
                        f.to = f.to.min(d);
                    }
                }
                TermKind::Pekan(v) => {
                    let spans = v
                        .iter()
                        .map(|k| Ok((day(k.starts)?, day(k.ends)?)))
                        .collect::<Result<Vec<_>, FilterError>>()?;
                    f.spans.push((spans, neg));
                }
                // The index holds no time of record: SQL answers `is:new`.
                TermKind::Is(Flag::New) => return Err(FilterError::NotIndexable(NotIndexable)),
                TermKind::Is(flag) => f.flags.push((*flag, neg)),
                // Steps after forwarding are not in the index: the cases that reached them by
                // the as-of date (or, `lanjut:belum`, were forwarded and reached none) are
                // looked up and held as a mask, as text terms are.
                TermKind::FollowUp(values) => {
                    let mut hit = vec![false; index.ids.len()];
                    follow_up_matches(store, values, dates, |id| {
                        if let Some(p) = index.position_of(id) {
                            hit[p] = true;
                        }
                    })
                    .map_err(FilterError::Sql)?;
                    let mask = f.text.get_or_insert_with(|| vec![true; index.ids.len()]);
                    for (m, h) in mask.iter_mut().zip(hit) {
                        if h == neg {
                            *m = false;
                        }
                    }
                }
            }
        }
        for t in &view.text {
            let Some(q) = fts_query(t) else { continue };
            let mut hit = vec![false; index.ids.len()];
            fts_matches(store, &q, |id| {
                if let Some(p) = index.position_of(id) {
                    hit[p] = true;
                }
            })
            .map_err(FilterError::Sql)?;
            let mask = f.text.get_or_insert_with(|| vec![true; index.ids.len()]);
            for (m, h) in mask.iter_mut().zip(hit) {
                if h == t.negated {
                    *m = false;
                }
            }
        }
        Ok(f)
    }
}

/// Why a view could not be answered over the index.
#[derive(Debug)]
pub enum FilterError {
    NotIndexable(NotIndexable),
    /// The full-text index could not be read.
    Sql(Error),
}

fn position<T: PartialEq>(all: &[T], v: T) -> u8 {
    all.iter()
        .position(|x| *x == v)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0)
}

/// A view compiled over one index: tells for any position whether its case belongs to the view,
/// and what the view's date makes of it. Shared by the threads of a parallel scan.
pub struct Scanner<'a> {
    ix: &'a CaseIndex,
    dues: &'a DueTable,
    rules: &'a DeadlineRules,
    f: Filter,
    /// The last received day counted: the as-of date or the `to:` date, whichever is earlier.
    upto: Day,
    /// By office, see `Filter::region`.
    region: Vec<bool>,
    stage: [bool; 256],
    /// By contest number (`NO_CONTEST` included); `None` when the view names no contest.
    contest: Option<[bool; 256]>,
    status: [bool; 256],
    type_group: [bool; 256],
    /// 0 closed, 1 lead, 2 intake, 3 examination, 4 completing the report, by status.
    phase: [u8; 256],
    violation: u8,
    not_violation: u8,
    tg_not_violation: u8,
    tg_undecided: u8,
    tg_not_pursued: u8,
}

fn mask(values: &[bool]) -> [bool; 256] {
    let mut m = [false; 256];
    for (i, v) in values.iter().enumerate().take(256) {
        m[i] = *v;
    }
    m
}

impl<'a> Scanner<'a> {
    /// Compiles `view` (asking FTS5 for its text terms).
    pub fn new(
        ix: &'a CaseIndex,
        dues: &'a DueTable,
        rules: &'a DeadlineRules,
        view: &View,
        dates: Dates,
        store: &Store,
    ) -> Result<Scanner<'a>, FilterError> {
        if dates.historical && ix.without_history {
            return Err(FilterError::NotIndexable(NotIndexable));
        }
        let f = Filter::new(view, dates, ix, store)?;
        let contest = view
            .terms
            .iter()
            .any(|t| matches!(t.kind, TermKind::Contest(_)))
            .then(|| {
                let n = ix.contests.len();
                let mut m = mask(&f.contest[..n]);
                m[usize::from(NO_CONTEST)] = f.contest[n];
                m
            });
        let mut phase = [0u8; 256];
        for (i, s) in Status::ALL.iter().enumerate() {
            phase[i] = match s.phase() {
                Phase::Closed => 0,
                Phase::Lead => 1,
                Phase::Intake => 2,
                Phase::Examination => 3,
                Phase::Completion => 4,
            };
        }
        Ok(Scanner {
            ix,
            dues,
            rules,
            region: f.region.clone(),
            stage: mask(&f.stage),
            contest,
            status: mask(&f.status),
            type_group: mask(&f.type_group),
            upto: f.as_of.min(f.to),
            f,
            phase,
            violation: position(Status::ALL, Status::Pelanggaran),
            not_violation: position(Status::ALL, Status::BukanPelanggaran),
            tg_not_violation: position(TypeGroup::ALL, TypeGroup::BukanPelanggaran),
            tg_undecided: position(TypeGroup::ALL, TypeGroup::BelumDitentukan),
            tg_not_pursued: position(TypeGroup::ALL, TypeGroup::TidakDitindaklanjuti),
        })
    }

    /// How many positions there are.
    pub fn len(&self) -> usize {
        self.ix.ids.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.ix.ids.is_empty()
    }

    /// The index scanned.
    pub fn index(&self) -> &'a CaseIndex {
        self.ix
    }

    /// The case at `pos`, if the view holds it.
    #[inline]
    pub fn hit(&self, pos: usize) -> Option<Hit> {
        let ix = self.ix;
        let received = ix.received[pos];
        let flags = ix.flags[pos];
        let office = self.office(pos, ix.region[pos], flags);
        if !self.passes(office, received, ix.stage[pos], flags) {
            return None;
        }
        self.rest(pos, office, received, flags)
    }

    /// Calls `each` with every case of the view among the positions of `range`, in order. The
    /// columns every case is tested on are walked together, without a bounds check each.
    pub fn each_in(&self, range: std::ops::Range<usize>, mut each: impl FnMut(&Hit)) {
        let ix = self.ix;
        let start = range.start;
        let columns = ix.region[range.clone()]
            .iter()
            .zip(&ix.received[range.clone()])
            .zip(&ix.stage[range.clone()])
            .zip(&ix.flags[range]);
        for (i, (((&region, &received), &stage), &flags)) in columns.enumerate() {
            let office = self.office(start + i, region, flags);
            if self.passes(office, received, stage, flags)
                && let Some(hit) = self.rest(start + i, office, received, flags)
            {
                each(&hit);
            }
        }
    }

    /// The office handling the case at `pos` (handled by `region` now) on the view's date:
    /// another only for a transferred case counted as of a date.
    #[inline(always)]
    fn office(&self, pos: usize, region: u16, flags: u8) -> u16 {
        if flags & TRANSFERRED != 0 && self.f.historical {
            self.ix.office_on(pos, self.f.as_of)
        } else {
            region
        }
    }

    /// The tests on stored columns alone: dates, office, stage, source.
    #[inline(always)]
    fn passes(&self, office: u16, received: Day, stage: u8, flags: u8) -> bool {
        received <= self.upto
            && received >= self.f.from
            && self
                .region
                .get(usize::from(office))
                .copied()
                .unwrap_or(false)
            && self.stage[usize::from(stage)]
            && self.f.source[usize::from(flags & LAPORAN)]
    }

    /// Whether the case at `pos` is a laporan filed after its election's limit
    /// (`DeadlineRules::is_late`).
    #[inline]
    fn late(&self, pos: usize, received: Day, flags: u8) -> bool {
        let known = self.ix.known[pos];
        flags & LAPORAN != 0
            && known != NO_DAY
            && self
                .dues
                .due(self.ix.election_number(pos), FILING, known, self.rules)
                .is_some_and(|due| received > due)
    }

    /// The rest of the tests, on what the view's date makes of the case at `pos`.
    #[inline(always)]
    fn rest(&self, pos: usize, office: u16, received: Day, flags: u8) -> Option<Hit> {
        let ix = self.ix;
        let f = &self.f;
        if let Some((mask, none)) = &f.kecamatan {
            let k = ix.kecamatan_of(pos);
            let ok = if k == NO_KECAMATAN {
                *none
            } else {
                mask.get(usize::from(k)).copied().unwrap_or(false)
            };
            if !ok {
                return None;
            }
        }
        if let Some((mask, none)) = &f.desa {
            let d = ix.desa_of(pos);
            let ok = if d == NO_DESA {
                *none
            } else {
                usize::try_from(d)
                    .ok()
                    .and_then(|d| mask.get(d).copied())
                    .unwrap_or(false)
            };
            if !ok {
                return None;
            }
        }
        for (numbers, neg) in &f.tps {
            if numbers.contains(&ix.tps_of(pos)) == *neg {
                return None;
            }
        }
        if let Some(text) = &f.text
            && !text[pos]
        {
            return None;
        }
        if let Some(contest) = &self.contest
            && !contest[usize::from(ix.contest[pos])]
        {
            return None;
        }
        for (spans, neg) in &f.spans {
            if spans.iter().any(|(a, b)| (*a..=*b).contains(&received)) == *neg {
                return None;
            }
        }
        let status = if f.historical {
            ix.history_of(pos)
                .iter()
                .rev()
                .find(|e| (*e >> 8) as Day <= f.as_of)
                .map_or(ix.status[pos], |e| (*e & 0xff) as u8)
        } else {
            ix.status[pos]
        };
        if !self.status[usize::from(status)] {
            return None;
        }
        let phase = self.phase[usize::from(status)];
        let type_group = if status == self.not_violation {
            self.tg_not_violation
        } else if phase == 0 && status != self.violation && ix.suspected[pos] == NO_TYPE {
            self.tg_not_pursued
        } else {
            let t = if status == self.violation && ix.proven[pos] != NO_TYPE {
                ix.proven[pos]
            } else {
                ix.suspected[pos]
            };
            if t == NO_TYPE { self.tg_undecided } else { t }
        };
        if !self.type_group[usize::from(type_group)] {
            return None;
        }
        let reg_day = ix.registered[pos];
        let registered = reg_day != NO_DAY && reg_day <= f.as_of;
        let election = ix.election_number(pos);
        let due = match phase {
            0 => None,
            1 => self.dues.due(
                election,
                LEAD,
                match ix.known[pos] {
                    NO_DAY => received,
                    k => k,
                },
                self.rules,
            ),
            2 => self.dues.due(election, INTAKE, received, self.rules),
            4 => self.dues.due(election, COMPLETION, received, self.rules),
            _ => {
                let rule = if flags & EXTENDED != 0 {
                    EXTENDED_DECISION
                } else {
                    DECISION
                };
                // From registration when the election counts from it and the case is
                // registered by the date; else from receipt.
                let from = match self.dues.counts_from_registration(election) {
                    true if registered => reg_day,
                    _ => received,
                };
                self.dues.due(election, rule, from, self.rules)
            }
        };
        let overdue = due.is_some_and(|d| d < f.as_of);
        let closed = phase == 0;
        for (flag, neg) in &f.flags {
            let v = match flag {
                Flag::Open => !closed,
                Flag::Closed => closed,
                Flag::Overdue => overdue,
                Flag::Registered => registered,
                Flag::Violation => status == self.violation,
                Flag::Late => self.late(pos, received, flags),
                Flag::Transferred => {
                    flags & TRANSFERRED != 0 && ix.moves_of(pos).iter().any(|m| m.day <= f.as_of)
                }
                // Never here: a view with `is:new` is not compiled for the index.
                Flag::New => false,
            };
            if v == *neg {
                return None;
            }
        }
        Some(Hit {
            pos,
            office,
            status,
            type_group,
            registered,
            due,
            overdue,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Election;
    use crate::engine::index::from_day;

    fn day(s: &str) -> Day {
        to_day(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()).unwrap()
    }

    #[test]
    fn every_deadline_in_the_tables_is_the_one_counted_day_by_day() {
        // Idul Fitri 2024 and the year's ends: holidays next to weekends, on both counts.
        let holidays = crate::domain::calendar::IDUL_FITRI_2024
            .into_iter()
            .chain(["2023-12-25", "2024-01-01", "2024-12-25"])
            .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
            .collect::<Vec<_>>();
        let elections = Election::embedded().unwrap();
        let codes: Vec<String> = elections.iter().map(|e| e.code.clone()).collect();
        for procedure in [DayCount::Working, DayCount::Calendar] {
            let rules = DeadlineRules::for_elections(procedure, holidays.clone(), &elections);
            let (first, last) = (day("2023-11-01"), day("2024-12-31"));
            let table = DueTable::new(&rules, &codes, first, last);
            let mut checked = 0;
            for (e, code) in codes.iter().enumerate() {
                let limits = rules.limits(code).unwrap();
                for rule in 0..RULES {
                    for d in first..=last {
                        let walked =
                            due_by_rule(|s, n, c| rules.add(s, n, c), procedure, limits, rule, d);
                        let e = u8::try_from(e).unwrap();
                        assert_eq!(
                            table.due(e, rule, d, &rules),
                            Some(walked),
                            "{code}, rule {rule}, from {}",
                            from_day(d)
                        );
                        checked += 1;
                    }
                }
            }
            assert!(checked > 5_000, "{checked}");
        }
    }
}
