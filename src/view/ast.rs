//! The syntax tree of a view. Values are resolved: regions and stages by code, the rest as enums,
//! so the engine never sees a name a user typed.

use chrono::NaiveDate;

use crate::domain::{FollowUpStep, Pekan, Source, Status, TypeGroup};

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
    /// `pemilihan:`/`election:` — the elections the view is of. A view without this term is of
    /// the default election (see [`crate::view::elections_in_view`]).
    Election(Elections),
    /// `kontestasi:`/`contest:` — contest codes (`GUBERNUR`): the race of that code in each
    /// election in view. A case without a contest matches none.
    Contest(Vec<String>),
    /// `wilayah:`/`region:` — region codes (`64.71`).
    Region(Vec<String>),
    /// `tahapan:`/`stage:` — stage codes (`KAMPANYE`): the stage of that code in each election in
    /// view.
    Stage(Vec<String>),
    /// `jenis:`/`type:` — the type group (proven type once decided, else suspected; an open case
    /// without one not yet determined, a closed one without a decision not pursued).
    Type(Vec<TypeGroup>),
    /// `status:` — the status (as of the view's date).
    Status(Vec<Status>),
    /// `sumber:`/`source:`.
    Source(Vec<Source>),
    /// `dari:`/`from:` — received on or after.
    From(DateExpr),
    /// `sampai:`/`to:` — received on or before.
    To(DateExpr),
    /// `pekan:` — received within one of these pekan of the campaign (numbers checked against
    /// the campaign's and their dates resolved when parsed). It does not imply the campaign stage.
    Pekan(Vec<Pekan>),
    /// `is:` flags.
    Is(Flag),
    /// `lanjut:`/`followup:` — the case reached one of these steps after forwarding by the
    /// view's as-of date, or (`lanjut:belum`, `followup:none`) was forwarded and reached none.
    FollowUp(Vec<FollowUpValue>),
    /// `provinsi:`/`province:` — province codes (`64`): the cases handled anywhere in the
    /// province on the view's date (its office, its kabupaten/kota, its kecamatan); `RI` for
    /// Bawaslu RI's own.
    Province(Vec<String>),
    /// `kecamatan:`/`district:` — kecamatan codes (`64.72.03`) where the case happened; the empty
    /// code (`kecamatan:tanpa`, `district:none`) for a case naming none. A case without one is
    /// in no other list (and so in every `-kecamatan:` term without the empty code).
    Kecamatan(Vec<String>),
    /// `desa:`/`village:`/`kelurahan:` — kelurahan/desa codes (`64.72.03.1001`) where the case
    /// happened; the empty code for a case naming none.
    Desa(Vec<String>),
    /// `tps:` — TPS numbers (within the desa); 0 (`tps:tanpa`, `tps:none`) for a case naming
    /// none.
    Tps(Vec<u16>),
}

/// The value of a `pemilihan:`/`election:` term.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Elections {
    /// `semua`/`all`: every election, those loaded after the view was written included.
    All,
    /// These elections, by code, in voting-day order.
    Codes(Vec<String>),
}

impl Elections {
    /// Whether the election `code` is one of these.
    pub fn holds(&self, code: &str) -> bool {
        match self {
            Elections::All => true,
            Elections::Codes(codes) => codes.iter().any(|c| c == code),
        }
    }
}

impl Term {
    /// Whether this term admits the election `code`: `None` when it is not an election term.
    pub fn admits_election(&self, code: &str) -> Option<bool> {
        match &self.kind {
            TermKind::Election(e) => Some(e.holds(code) != self.negated),
            _ => None,
        }
    }
}

/// One value of a `lanjut:`/`followup:` term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FollowUpValue {
    /// This step after forwarding, reached by the as-of date.
    Step(FollowUpStep),
    /// `belum`/`none`: a forwarded case (`diteruskan_ke` set, or decided a violation by the
    /// as-of date) that reached no step after forwarding by that date.
    NoStep,
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
    /// `is:terlambat`/`is:late` — a laporan received more than 7 working days after the event
    /// became known (UU 7/2017 Pasal 454(6)); a temuan, or a laporan without the day it became
    /// known, never is.
    Late,
    /// `is:baru`/`is:new` — recorded since the meeting baseline (`cases.created_at` after its
    /// time): the cases the baseline's copy does not hold. Needs a baseline in force.
    New,
    /// `is:dilimpahkan`/`is:transferred` — transferred to another office or taken over by one
    /// on or before the view's date.
    Transferred,
}

impl View {
    /// Whether the view asks for the cases new since the baseline (`is:new`, or `-is:new`).
    pub fn uses_baseline(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(t.kind, TermKind::Is(Flag::New)))
    }

    /// Whether the view names its elections (`pemilihan:`, `-pemilihan:`): a view that does not
    /// is of the default election.
    pub fn names_elections(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(t.kind, TermKind::Election(_)))
    }
}

/// A date as written: absolute, `today`, or `-Nd` (N days before today).
///
/// A relative date counts from an anchor: in `per:`/`asof:` (and `--as-of`) from the calendar's
/// today; in `from:` and `to:` from the date the view is counted at (its as-of date), so that
/// `from:-7d` is the week before whatever date the figures are for. [`View::anchored`] applies
/// both rules; the engine resolves `from:` and `to:` the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateExpr {
    Date(NaiveDate),
    Today,
    DaysAgo(u32),
}

impl DateExpr {
    /// The date this expression means counted from `anchor`: `today` is the anchor itself,
    /// `-7d` seven days before it.
    pub fn resolve(self, anchor: NaiveDate) -> NaiveDate {
        match self {
            DateExpr::Date(d) => d,
            DateExpr::Today => anchor,
            DateExpr::DaysAgo(n) => anchor
                .checked_sub_days(chrono::Days::new(u64::from(n)))
                .unwrap_or(NaiveDate::MIN),
        }
    }

    /// Whether the date depends on its anchor (`today`, `-7d`).
    pub fn is_relative(self) -> bool {
        !matches!(self, DateExpr::Date(_))
    }
}

impl View {
    /// The date the view's figures are counted at: its `per:` counted from `today`, else `today`.
    pub fn as_of_date(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.map_or(today, |d| d.resolve(today))
    }

    /// The view with every date made absolute as it is answered: `per:` counted from `today`,
    /// `from:` and `to:` from the as-of date. A view without relative dates comes back equal.
    pub fn anchored(&self, today: NaiveDate) -> View {
        let as_of = self.as_of_date(today);
        let mut view = self.clone();
        view.as_of = self.as_of.map(|d| DateExpr::Date(d.resolve(today)));
        for term in &mut view.terms {
            if let TermKind::From(d) | TermKind::To(d) = &mut term.kind {
                *d = DateExpr::Date(d.resolve(as_of));
            }
        }
        view.terms.sort();
        view.terms.dedup();
        view
    }

    /// Whether any date of the view depends on today or on the as-of date.
    pub fn has_relative_dates(&self) -> bool {
        self.as_of.is_some_and(DateExpr::is_relative)
            || self.terms.iter().any(|t| match t.kind {
                TermKind::From(d) | TermKind::To(d) => d.is_relative(),
                _ => false,
            })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Reference;

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn view(spec: &str) -> View {
        crate::view::parse(spec, &Reference::embedded()).unwrap()
    }

    fn printed(v: &View) -> String {
        v.print(&Reference::embedded())
    }

    #[test]
    fn a_relative_date_counts_from_its_anchor() {
        let anchor = on(2024, 2, 2);
        assert_eq!(DateExpr::Today.resolve(anchor), anchor);
        assert_eq!(DateExpr::DaysAgo(7).resolve(anchor), on(2024, 1, 26));
        assert_eq!(DateExpr::DaysAgo(0).resolve(anchor), anchor);
        assert_eq!(
            DateExpr::Date(on(2023, 5, 1)).resolve(anchor),
            on(2023, 5, 1)
        );
        assert_eq!(
            DateExpr::DaysAgo(u32::MAX).resolve(on(1900, 1, 1)),
            NaiveDate::MIN
        );
        assert!(DateExpr::Today.is_relative() && DateExpr::DaysAgo(3).is_relative());
        assert!(!DateExpr::Date(anchor).is_relative());
    }

    #[test]
    fn from_and_to_count_from_the_as_of_date_and_per_from_today() {
        let today = on(2026, 11, 29);
        // Without per:, the as-of date is today.
        let v = view("from:-7d to:today");
        assert_eq!(v.as_of_date(today), today);
        assert_eq!(printed(&v.anchored(today)), "from:2026-11-22 to:2026-11-29");
        // per: counts from today; from: and to: from per:'s date.
        let v = view("per:2024-02-02 from:-7d to:-1d");
        assert_eq!(v.as_of_date(today), on(2024, 2, 2));
        assert_eq!(
            printed(&v.anchored(today)),
            "from:2024-01-26 to:2024-02-01 asof:2024-02-02"
        );
        let v = view("asof:-7d dari:hariini");
        assert_eq!(v.as_of_date(today), on(2026, 11, 22));
        assert_eq!(
            printed(&v.anchored(today)),
            "from:2026-11-22 asof:2026-11-22"
        );
    }

    #[test]
    fn anchoring_keeps_everything_but_the_dates() {
        let today = on(2024, 2, 9);
        let v = view("region:samarinda -minyak -is:open per:2024-02-02 sort:-due");
        assert!(!v.has_relative_dates());
        assert_eq!(v.anchored(today), v, "no relative date: nothing to change");
        let v = view("-region:64 from:-7d \"politik uang\" sort:number");
        assert!(v.has_relative_dates());
        let a = v.anchored(today);
        assert!(!a.has_relative_dates());
        assert_eq!((&a.text, a.sort, a.as_of), (&v.text, v.sort, None));
        assert_eq!(
            printed(&a),
            "from:2024-02-02 -region:kaltim \"politik uang\" sort:number"
        );
        // Two terms that name the same day once anchored are one.
        let v = view("from:-7d from:2024-02-02");
        assert_eq!(v.anchored(today).terms.len(), 1);
        assert!(view("per:today").has_relative_dates());
    }

    #[test]
    fn a_date_prints_as_the_spec_writes_it() {
        assert_eq!(DateExpr::Date(on(2024, 1, 15)).to_string(), "2024-01-15");
        assert_eq!(DateExpr::Today.to_string(), "today");
        assert_eq!(DateExpr::DaysAgo(7).to_string(), "-7d");
    }
}
