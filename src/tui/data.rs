//! Plain data the TUI and its worker exchange: requests, answers, the figures of a view, and the
//! effects the app asks the event loop for. Imports no other module of the TUI.

use chrono::NaiveDate;

use crate::engine::campaign::Campaign;
use crate::engine::{CaseDetail, Group, Headline, Level, Page, PageRequest, RegionRow};
use crate::i18n::Lang;
use crate::report::document::Ask;
use crate::report::files::{Format, Pick};
use crate::store::baseline::{Baseline, Op};
use crate::view::View;

/// One request: what the screen needs, for a view (its as-of date set) on a given day.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Tags the answer; the app drops answers older than what it last asked for.
    pub generation: u64,
    pub view: View,
    /// Today, for relative dates and the as-of date of a view without one.
    pub today: NaiveDate,
    pub need: Need,
    /// The table of regions the figures' rows are of: the root's, a province's, a region's
    /// kecamatan.
    pub area: Level,
}

/// What a request asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Need {
    /// The figures of the dashboard: headline, region table, counts by stage, type and status.
    Counts,
    /// A page of cases; with `position`, also how many cases come before its first row.
    Page { req: PageRequest, position: bool },
    /// One case in full.
    Detail(i64),
    /// Set, load or clear the meeting baseline.
    Baseline(Op),
    /// How many cases each of these views holds (the saved views' list); `None` for a view that
    /// could not be read.
    ViewCounts(Vec<Option<View>>),
    /// Write the screen's report into the reports folder. Never superseded: each is written.
    Report(Box<Job>),
}

impl Need {
    /// Requests of the same kind supersede each other (except reports, see `supersedes`).
    pub(crate) fn kind(&self) -> u8 {
        match self {
            Need::Counts => 0,
            Need::Page { .. } => 1,
            Need::Detail(_) => 2,
            Need::Baseline(_) => 3,
            Need::ViewCounts(_) => 4,
            Need::Report(_) => 5,
        }
    }

    /// Whether a newer request of the same kind makes this one pointless: not for a report,
    /// which the user asked for as a file of its own.
    pub(crate) fn supersedes(&self) -> bool {
        !matches!(self, Need::Report(_))
    }
}

/// A report to write: what it counts, as which file, in which language.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub ask: Ask,
    /// Which chart a picture draws (Kaltim's map from the map screen).
    pub pick: Pick,
    pub format: Format,
    pub lang: Lang,
    /// The start of the file's name: `pantau-ringkasan`.
    pub stem: String,
    /// Counts the election in view alone when the view covers several (the stage screen's
    /// calendar and campaign are of one election).
    pub one_election: bool,
}

/// The figures of one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub headline: Headline,
    pub regions: Vec<RegionRow>,
    pub stages: Vec<Group>,
    pub types: Vec<Group>,
    pub statuses: Vec<Group>,
    /// The table `regions` is (the root's unless drilled into a province or a region).
    pub area: Level,
    /// The view's cases in the campaign stage, by week, type and region, against activities.
    pub campaign: Campaign,
    /// The codes of the elections the database holds cases of: the default election, which a
    /// view that names none is of, is one of them (`view::elections_in_view`).
    pub held: Vec<String>,
    /// With several elections in view, the stages of the election in view (the calendar's) and
    /// its cases alone: two elections' stages do not add up, so the stage calendar and the
    /// stage panels count the calendar's election only. `None` when the view is of one election
    /// (then `stages` and the headline's total are its own).
    pub calendar: Option<Calendar>,
}

/// Figures made before any are counted are of the root's table.
impl Default for Level {
    fn default() -> Level {
        Level::Root
    }
}

/// The stage figures of the election in view alone, when the view covers several.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// The election's code.
    pub election: String,
    /// Its stages and their cases in the view.
    pub stages: Vec<Group>,
    /// Its cases in the view: what `stages` add up to.
    pub total: i64,
}

/// The answer to one request.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The figures of the view now, and as the baseline copy has them (when one is in force).
    Counts {
        now: Box<Counts>,
        base: Option<Box<Counts>>,
    },
    /// The baseline in force after a [`Need::Baseline`].
    Baseline(Option<Baseline>),
    Page {
        page: Page,
        position: Option<i64>,
    },
    Detail(Option<Box<CaseDetail>>),
    /// The number of cases of each view asked for, in order (`None` where it has none).
    ViewCounts(Vec<Option<i64>>),
    /// The report was written into this file.
    Written(std::path::PathBuf),
    /// The request failed; the message is for the status line.
    Failed(String),
}

/// An answer with the generation of its request.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub generation: u64,
    pub answer: Answer,
}

/// What the worker sends the UI.
#[derive(Debug)]
pub enum Event {
    Reply(Box<Reply>),
    /// Another connection committed.
    DbChanged,
    /// The worker stopped (it could not open the database, or it failed).
    Gone(String),
}

/// Something the app asks the event loop to do outside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write `name = "spec"` into the configuration's `[views]` table.
    SaveView { name: String, spec: String },
    /// Put `text` on the clipboard; `what` says what it is in the notice.
    Copy { text: String, what: String },
    /// Take the view `name` out of the configuration's `[views]` table.
    DeleteView { name: String },
    /// Rename the view `from` to `to` in the configuration's `[views]` table.
    RenameView { from: String, to: String },
}

/// What became of an effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The view was written into this file.
    Saved {
        name: String,
        spec: String,
        file: String,
    },
    /// The text was sent to the terminal's clipboard.
    Copied { what: String },
    /// The view was deleted from this file.
    Deleted { name: String, file: String },
    /// The view was renamed in this file.
    Renamed {
        from: String,
        to: String,
        file: String,
    },
    /// It failed; the message names the file and the way out.
    Failed(String),
}
