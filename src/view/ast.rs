//! The syntax tree of a view. Values are resolved: regions and stages by code, the rest as enums,
//! so the engine never sees a name a user typed.

use chrono::NaiveDate;

use crate::domain::{Source, Status, TypeGroup};

/// A parsed view: structured terms (ANDed), text terms (ANDed), an as-of date and a sort order.
/// Parsing normalises the order of terms and values, so equal views compare equal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub terms: Vec<Term>,
    pub text: Vec<TextTerm>,
    /// `per:`/`asof:` — count only cases received on or before this date, each with the status it
    /// had on that date.
    pub as_of: Option<DateExpr>,
    /// `urut:`/`sort:`.
    pub sort: Option<Sort>,
}

/// One structured term: `key:a,b` (any of a, b) or `-key:a,b` (none of a, b).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

/// What a term tests.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermKind {
    /// `wilayah:`/`region:` — region codes (`64.71`).
    Region(Vec<String>),
    /// `tahapan:`/`stage:` — stage codes (`KAMPANYE`).
    Stage(Vec<String>),
    /// `jenis:`/`type:` — the type group (proven type once decided, else suspected, else in process).
    Type(Vec<TypeGroup>),
    /// `status:` — the status (as of the view's date).
    Status(Vec<Status>),
    /// `sumber:`/`source:`.
    Source(Vec<Source>),
    /// `dari:`/`from:` — received on or after.
    From(DateExpr),
    /// `sampai:`/`to:` — received on or before.
    To(DateExpr),
    /// `is:` flags.
    Is(Flag),
}

/// `is:` flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// `is:terbuka`/`is:open` — handling still going on.
    Open,
    /// `is:selesai`/`is:closed` — handling has ended.
    Closed,
    /// `is:lewat`/`is:overdue` — open and past its deadline.
    Overdue,
    /// `is:teregistrasi`/`is:registered` — registered (as of the view's date).
    Registered,
    /// `is:pelanggaran`/`is:violation` — decided as a violation.
    Violation,
    /// `is:baru`/`is:new` — recorded since the meeting baseline (`cases.created_at` after its
    /// time): the cases the baseline's copy does not hold. Needs a baseline in force.
    New,
}

impl View {
    /// Whether the view asks for the cases new since the baseline (`is:new`, or `-is:new`).
    pub fn uses_baseline(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(t.kind, TermKind::Is(Flag::New)))
    }
}

/// A date as written: absolute, `today`, or `-Nd` (N days before today).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateExpr {
    Date(NaiveDate),
    Today,
    DaysAgo(u32),
}

impl DateExpr {
    /// The date this expression means when today is `today`.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateExpr::Date(d) => d,
            DateExpr::Today => today,
            DateExpr::DaysAgo(n) => today
                .checked_sub_days(chrono::Days::new(u64::from(n)))
                .unwrap_or(NaiveDate::MIN),
        }
    }
}

/// A bare word (`politik*` as prefix) or a "quoted phrase", searched in the case text;
/// `-word` excludes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextTerm {
    pub negated: bool,
    /// A quoted phrase rather than a word.
    pub phrase: bool,
    /// The word or phrase, without quotes; a word may end in `*`.
    pub text: String,
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// What cases can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SortKey {
    /// `diterima`/`received` — the received date (the default, newest last).
    Received,
    /// `nomor`/`number`.
    Number,
    /// `wilayah`/`region` — region display order.
    Region,
    /// `tahapan`/`stage` — stage display order.
    Stage,
    /// `status`.
    Status,
    /// `jenis`/`type`.
    Type,
    /// `tenggat`/`due` — the deadline (cases without one last).
    Due,
}
