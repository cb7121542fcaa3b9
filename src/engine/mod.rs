//! Answers views: headline figures, counts by any dimension and cross-tabs, pages of cases,
//! one case in full. Reads through the store's connection; never writes.

pub mod cache;
pub mod campaign;
mod counts;
mod dim;
mod fast;
mod fast_pages;
pub mod index;
pub mod live;
mod pages;
pub mod scan;
mod sql;
pub mod summary;

pub use counts::{
    Cross, Dashboard, Drill, Group, Headline, Level, NO_KECAMATAN, OUTSIDE_CAMPAIGN, Recap,
    RegionRow,
};
pub use dim::Dim;

pub use pages::{CaseDetail, CaseRow, Cursor, Page, PageRequest};

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use crate::domain::{DeadlineRules, Election, Reference};
use crate::error::Result;
use crate::store::Store;
use crate::view::View;
pub use sql::{Dates, SortValue};

/// The engine over one open store.
pub struct Engine<'s> {
    store: &'s Store,
    reference: std::sync::Arc<Reference>,
    today: NaiveDate,
    rules: DeadlineRules,
    /// The column index counts are answered from, when one is loaded; SQL otherwise.
    index: Option<(Arc<index::CaseIndex>, scan::DueTable)>,
    /// From this many cases on, a scan of the index is split between threads.
    parallel_from: usize,
    /// The time of the baseline in force, for `is:new` and the rows' `new` mark.
    new_since: Option<chrono::NaiveDateTime>,
    /// Which elections a view that names none is of.
    scope: ElectionScope,
    /// The codes of the elections the database holds cases of, once asked (forgotten with the
    /// index, which a reader sets again after the database changed).
    held: OnceLock<Vec<String>>,
}

/// Which elections a view that names none (no `pemilihan:` term) is of: an option of every
/// question the engine answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ElectionScope {
    /// The default election (docs/elections.md, "The election in view"): figures are of one
    /// election at a time. What `report`, `rekap`, `check` and the screen count.
    #[default]
    Default,
    /// Every election: what `export` writes, since an export is the data rather than a figure.
    Every,
}

impl<'s> Engine<'s> {
    /// An engine reading `store`, with `today` for relative dates and the deadline rules in force;
    /// each case's limits are its election's, as the database holds them.
    pub fn new(store: &'s Store, today: NaiveDate, rules: DeadlineRules) -> Result<Engine<'s>> {
        let reference = store.reference()?;
        let rules = rules.with_elections(&reference.elections);
        sql::register_due(store, rules.clone())?;
        Ok(Engine {
            store,
            reference,
            today,
            rules,
            index: None,
            parallel_from: fast::PARALLEL_FROM,
            new_since: None,
            scope: ElectionScope::Default,
            held: OnceLock::new(),
        })
    }

    /// Which elections a view that names none is of, from now on.
    pub fn set_election_scope(&mut self, scope: ElectionScope) {
        self.scope = scope;
    }

    /// The codes of the elections the database holds cases of, in no particular order: from the
    /// column index when one is loaded, else from SQL.
    pub fn elections_with_cases(&self) -> Result<Vec<String>> {
        if let Some(held) = self.held.get() {
            return Ok(held.clone());
        }
        let held = match self.index() {
            Some(ix) => ix.elections_with_cases(),
            None => sql::elections_with_cases(self.store)?,
        };
        Ok(self.held.get_or_init(|| held).clone())
    }

    /// The elections `view`'s figures are of, by voting day ([`crate::view::elections_in_view`]
    /// on the view's as-of date and the elections the database holds cases of); every election
    /// for a view that names none when the engine counts every election.
    pub fn elections_in_view(&self, view: &View) -> Result<Vec<&Election>> {
        if self.scope == ElectionScope::Every && !view.names_elections() {
            return Ok(self.reference.elections.iter().collect());
        }
        let held = self.elections_with_cases()?;
        Ok(crate::view::elections_in_view(
            view,
            &self.reference,
            self.dates(view).as_of,
            &held,
        ))
    }

    /// The one election whose rules frame `view`'s figures ([`crate::view::election_in_view`]).
    pub fn election_in_view(&self, view: &View) -> Result<Option<&Election>> {
        let held = self.elections_with_cases()?;
        Ok(crate::view::election_in_view(
            view,
            &self.reference,
            self.dates(view).as_of,
            &held,
        ))
    }

    /// `view` as the engine answers it: a view that names no election narrowed to the default
    /// election ([`crate::view::of_election`]), unless every election is counted. The one place
    /// the default election is applied: every question (counts, pages, the export's rows) asks
    /// it first, so SQL and the column index see the same view.
    pub(crate) fn scoped<'v>(&self, view: &'v View) -> Result<Cow<'v, View>> {
        if self.scope == ElectionScope::Every || view.names_elections() {
            return Ok(Cow::Borrowed(view));
        }
        Ok(match self.election_in_view(view)? {
            Some(e) => Cow::Owned(crate::view::of_election(view, e, &self.reference)),
            None => Cow::Borrowed(view),
        })
    }

    /// Answers counts from `index` from now on (or from SQL again, with `None`). The index must
    /// have been built from this engine's database and reference data.
    pub fn set_index(&mut self, index: Option<Arc<index::CaseIndex>>) {
        // The database may have changed since: which elections it holds is asked again.
        self.held = OnceLock::new();
        self.index = index.map(|ix| {
            let dues = scan::DueTable::for_index(&self.rules, &ix);
            (ix, dues)
        });
    }

    /// Splits scans of the index between threads from `n` cases on (tests set it low to check
    /// that the split answers as one thread does).
    pub fn set_parallel_from(&mut self, n: usize) {
        self.parallel_from = n;
    }

    /// The column index in use, if any.
    pub fn index(&self) -> Option<&Arc<index::CaseIndex>> {
        self.index.as_ref().map(|(ix, _)| ix)
    }

    /// Loads the column index (the one saved in the database or the user's cache file, brought
    /// up to date; built anew when neither is there) and answers counts from it, at every size:
    /// built from the cases it is faster than SQL from a few thousand cases on, and read from a
    /// copy it is faster at any size. `PANTAU_INDEX=off` keeps every answer on SQL (to compare
    /// the two, or to rule the index out). Without `history` (views of the current status only)
    /// half of the index is read.
    pub fn use_cached_index(&mut self, history: bool) -> Result<()> {
        if index_disabled() {
            return Ok(());
        }
        match cache::load(self.store, &self.reference, history) {
            Ok(ix) => self.set_index(Some(Arc::new(ix))),
            Err(index::IndexError::Sql(e)) => return Err(e),
            // Data the compact index cannot hold: SQL answers.
            Err(index::IndexError::Unsupported(_)) => {}
        }
        Ok(())
    }

    /// An engine with the rules read from the database's holidays, counting calendar days.
    pub fn with_defaults(store: &'s Store, today: NaiveDate) -> Result<Engine<'s>> {
        let reference = store.reference()?;
        let rules = DeadlineRules::new(
            Default::default(),
            reference.holidays.iter().map(|h| h.date),
        );
        Engine::new(store, today, rules)
    }

    /// The reference data (regions, stages) of the database.
    pub fn reference(&self) -> &Reference {
        &self.reference
    }

    /// The deadline rules in force, with the limits of the database's elections.
    pub fn rules(&self) -> &DeadlineRules {
        &self.rules
    }

    /// Today, as the engine sees it.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The dates `view` is answered at.
    pub fn dates(&self, view: &View) -> Dates {
        Dates {
            new_since: self.new_since,
            ..Dates::of(view, self.today)
        }
    }

    /// Counts `is:new` (and marks a row new) from the time of this baseline; `None`: no
    /// baseline is in force, and no case is new.
    pub fn set_new_since(&mut self, since: Option<chrono::NaiveDateTime>) {
        self.new_since = since;
    }

    /// The time `is:new` counts from, if a baseline is in force.
    pub fn new_since(&self) -> Option<chrono::NaiveDateTime> {
        self.new_since
    }

    /// The store read.
    pub fn store(&self) -> &Store {
        self.store
    }
}

/// Whether `PANTAU_INDEX=off` asks for answers from SQL only.
pub fn index_disabled() -> bool {
    std::env::var("PANTAU_INDEX").is_ok_and(|v| v.eq_ignore_ascii_case("off"))
}
