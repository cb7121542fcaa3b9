//! The deadline rules in SQL: the functions registered on the store's connection, and the
//! overdue and late tests of the relation written as date comparisons SQL makes by itself.
//! Never a callback per row where a comparison with a date bound once per statement will do.

use chrono::{Duration, NaiveDate};
use rusqlite::functions::FunctionFlags;
use serde::{Deserialize, Serialize};

use crate::domain::{DayCount, DeadlineRules, DecideFrom, Phase, Status};
use crate::error::Result;
use crate::store::Store;

/// Which of a case's dates its deadline counts from, in the phase of its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Basis {
    /// The day it became known, else the day received (a lead).
    Known,
    Received,
    /// The day registered (by the as-of date), else the day received.
    Registered,
}

/// The statuses of one phase of one election: their deadline counts from `basis`, and has
/// passed by the as-of date exactly when that date is on or before `cut` (`cut_extended` for an
/// extended case). `add` never runs backwards, so a deadline before the as-of date is one
/// counted from a date on or before the last such start.
#[derive(Debug, Serialize, Deserialize)]
struct Arm {
    statuses: Vec<String>,
    basis: Basis,
    cut: String,
    cut_extended: String,
}

/// One election's rules as the relation tests them.
#[derive(Debug, Serialize, Deserialize)]
struct ElectionRules {
    code: String,
    arms: Vec<Arm>,
    /// Days a laporan may be filed after the event became known, when they are calendar days
    /// (SQL adds them); `None` when they are working days (the registered function counts them).
    file_calendar_days: Option<u32>,
}

/// The last day a deadline counted from it (by `due`) falls before `as_of`.
fn last_start(as_of: NaiveDate, due: impl Fn(NaiveDate) -> Option<NaiveDate>) -> NaiveDate {
    let mut start = as_of - Duration::days(1);
    // A deadline is never earlier than its start, and no limit spans years: the search ends
    // within the limit's days, weekends and holidays.
    for _ in 0..4000 {
        if due(start).is_none_or(|d| d < as_of) {
            return start;
        }
        start -= Duration::days(1);
    }
    start
}

/// The rules of every election the deadline rules know, as of `as_of`.
fn election_rules(rules: &DeadlineRules, as_of: NaiveDate) -> Vec<ElectionRules> {
    let phases = [
        Phase::Lead,
        Phase::Intake,
        Phase::Completion,
        Phase::Examination,
    ];
    rules
        .elections
        .iter()
        .map(|(code, limits)| {
            let arms = phases
                .iter()
                .filter_map(|phase| {
                    let statuses: Vec<Status> = Status::ALL
                        .iter()
                        .copied()
                        .filter(|s| s.phase() == *phase)
                        .collect();
                    let first = *statuses.first()?;
                    let basis = match phase {
                        Phase::Lead => Basis::Known,
                        Phase::Examination if limits.decide_from == DecideFrom::Registration => {
                            Basis::Registered
                        }
                        _ => Basis::Received,
                    };
                    // Every date the deadline may count from set to the same day: the basis
                    // picks the one that counts.
                    let cut = |extended: bool| {
                        last_start(as_of, |d| {
                            rules
                                .deadline(limits, first, Some(d), d, Some(d), extended)
                                .map(|x| x.due)
                        })
                        .to_string()
                    };
                    Some(Arm {
                        statuses: statuses.iter().map(|s| s.code().to_string()).collect(),
                        basis,
                        cut: cut(false),
                        cut_extended: cut(true),
                    })
                })
                .collect();
            ElectionRules {
                code: code.clone(),
                arms,
                file_calendar_days: (limits.file_count == DayCount::Calendar)
                    .then_some(limits.file_days),
            }
        })
        .collect()
}

/// Registers on the store's connection:
/// - `pantau_due(election, status, known, received, registered, extended)`: the deadline of a
///   case of that election as an ISO date, or NULL when handling has ended (or the rules know no
///   such election): the due date a page shows and sorts by;
/// - `pantau_filing_due(election, known)`: the last day a laporan of that election known then
///   may be filed (elections counting working days);
/// - `pantau_rules(as_of)`: the rules of every election as of that date, as JSON, which
///   [`overdue_sql`] and [`late_sql`] turn into comparisons: asked once per statement.
pub(crate) fn register_due(store: &Store, rules: DeadlineRules) -> Result<()> {
    let filing = rules.clone();
    let conn = store.conn();
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("pantau_filing_due", 2, flags, move |ctx| {
        let election: String = ctx.get(0)?;
        let known: Option<NaiveDate> = ctx.get(1)?;
        Ok(filing
            .limits(&election)
            .zip(known)
            .map(|(l, k)| filing.filing_due(l, k).to_string()))
    })
    .map_err(|e| store.err(e))?;
    let asked = rules.clone();
    conn.create_scalar_function("pantau_rules", 1, flags, move |ctx| {
        let as_of: NaiveDate = ctx.get(0)?;
        serde_json::to_string(&election_rules(&asked, as_of))
            .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
    })
    .map_err(|e| store.err(e))?;
    conn.create_scalar_function("pantau_due", 6, flags, move |ctx| {
        let election: String = ctx.get(0)?;
        let status: String = ctx.get(1)?;
        let (Some(limits), Some(status)) = (rules.limits(&election), Status::from_code(&status))
        else {
            return Ok(None);
        };
        let known: Option<NaiveDate> = ctx.get(2)?;
        let received: NaiveDate = ctx.get(3)?;
        let registered: Option<NaiveDate> = ctx.get(4)?;
        let extended: bool = ctx.get(5)?;
        Ok(rules
            .deadline(limits, status, known, received, registered, extended)
            .map(|d| d.due.to_string()))
    })
    .map_err(|e| store.err(e))
}

/// The rules of every election as of `as_of`, asked of the connection's registered rules.
pub(crate) struct Rules(Vec<ElectionRules>);

impl Rules {
    pub(crate) fn as_of(store: &Store, as_of: NaiveDate) -> Result<Rules> {
        let json: String = store
            .conn()
            .query_row("SELECT pantau_rules(?1)", [as_of.to_string()], |r| r.get(0))
            .map_err(|e| store.err(e))?;
        serde_json::from_str(&json).map(Rules).map_err(|e| {
            crate::error::Error::failed(
                format!("Aturan tenggat tidak terbaca: {e}"),
                format!("The deadline rules could not be read: {e}"),
            )
        })
    }

    /// SQL for whether a row of the relation (`st` its status as of `asof`, the placeholder of
    /// the as-of date) is past its deadline: 0 or 1, as `due IS NOT NULL AND due < asof` with
    /// `due` from `pantau_due`.
    /// `text` binds a value and returns its placeholder.
    pub(crate) fn overdue_sql(&self, asof: &str, text: &mut impl FnMut(&str) -> String) -> String {
        let mut elections = Vec::new();
        for e in &self.0 {
            let mut arms = Vec::new();
            for arm in &e.arms {
                let from = match arm.basis {
                    Basis::Known => "COALESCE(tanggal_diketahui, tanggal_diterima)".to_string(),
                    Basis::Received => "tanggal_diterima".to_string(),
                    Basis::Registered => format!(
                        "COALESCE(CASE WHEN tanggal_registrasi <= {asof} THEN tanggal_registrasi END, \
                         tanggal_diterima)"
                    ),
                };
                let cut = if arm.cut == arm.cut_extended {
                    text(&arm.cut)
                } else {
                    let (x, n) = (text(&arm.cut_extended), text(&arm.cut));
                    format!("(CASE WHEN diperpanjang THEN {x} ELSE {n} END)")
                };
                let statuses: Vec<String> = arm.statuses.iter().map(|s| text(s)).collect();
                arms.push(format!(
                    "WHEN st IN ({}) THEN {from} <= {cut}",
                    statuses.join(", ")
                ));
            }
            if !arms.is_empty() {
                elections.push(format!(
                    "WHEN {} THEN CASE {} ELSE 0 END",
                    text(&e.code),
                    arms.join(" ")
                ));
            }
        }
        if elections.is_empty() {
            return "0".to_string();
        }
        format!("(CASE election {} ELSE 0 END)", elections.join(" "))
    }

    /// SQL for whether a row of the relation is a laporan filed after its election's filing
    /// limit (mirrors `DeadlineRules::is_late`): calendar days added by SQL, working days
    /// counted by `pantau_filing_due`.
    pub(crate) fn late_sql(&self, text: &mut impl FnMut(&str) -> String) -> String {
        let arms: Vec<String> = self
            .0
            .iter()
            .map(|e| {
                let due = match e.file_calendar_days {
                    Some(days) => format!(
                        "date(tanggal_diketahui, {})",
                        text(&format!("+{days} days"))
                    ),
                    None => "pantau_filing_due(election, tanggal_diketahui)".to_string(),
                };
                format!("WHEN {} THEN tanggal_diterima > {due}", text(&e.code))
            })
            .collect();
        if arms.is_empty() {
            return "0".to_string();
        }
        format!(
            "(sumber = 'laporan' AND tanggal_diketahui IS NOT NULL AND CASE election {} ELSE 0 END)",
            arms.join(" ")
        )
    }
}
