//! The values `App` is made of that its parts share: the prompts (the `/` view editor, the name of
//! a view to save or the new name of one, a yes/no question, a report's format), the way back
//! (Esc), presenter mode and what the session remembers of its reports. Plain data.

use chrono::NaiveDateTime;

use crate::engine::Level;
use crate::i18n::Msg;
use crate::tui::action::Screen;
use crate::tui::editor::LineEditor;
use crate::tui::screens::dashboard::Dashboard;
use crate::tui::screens::map::Map;
use crate::tui::screens::stages::StagePart;
use crate::view::{View, ViewError};

/// The `/` view editor.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterBar {
    pub editor: LineEditor,
    pub error: Option<ViewError>,
    /// Where Up/Down stand in the history, and what was typed before.
    pub(crate) recall: Option<usize>,
    pub(crate) draft: String,
}

impl FilterBar {
    /// The editor prefilled with `spec`, the cursor at its end.
    pub fn new(spec: &str) -> FilterBar {
        FilterBar {
            editor: LineEditor::new(spec),
            error: None,
            recall: None,
            draft: spec.to_string(),
        }
    }
}

/// The prompt for a saved view's name.
#[derive(Clone, Debug, PartialEq)]
pub struct SavePrompt {
    pub editor: LineEditor,
    pub error: Option<String>,
    /// The spec to save (the view when `s` was pressed).
    pub spec: String,
    /// The saved view being renamed (`r` in the list), when the prompt asks for a new name.
    pub rename_from: Option<String>,
}

/// What a yes/no question in the footer asks before doing it: each would lose the meeting's
/// baseline on a slip of one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// `B`: clear the baseline marked at this time.
    ClearBaseline(NaiveDateTime),
    /// `b` while a baseline is in force: replace the one marked at this time with one taken now.
    ReplaceBaseline(NaiveDateTime),
}

/// One drill-down that Esc can undo: the screen and view it started from, and the view it led to;
/// the table of regions shown then and the cursors of the screens that show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub screen: Screen,
    pub view: View,
    pub to: View,
    pub area: Level,
    /// A drill from a row of a table of regions: the row's name, and whether it opened the next
    /// table (else the row's cases).
    pub row: Option<(String, bool)>,
    pub dashboard: Dashboard,
    pub map: Map,
}

/// The pages the presenter shows, in rotation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Dashboard,
    Campaign,
    Map,
    Stages,
}

impl Page {
    pub const ALL: [Page; 4] = [Page::Dashboard, Page::Campaign, Page::Map, Page::Stages];

    /// The page's title.
    pub fn title(self) -> Msg {
        match self {
            Page::Dashboard => Msg::TuiDashboard,
            Page::Campaign => Msg::TuiCampaign,
            Page::Map => Msg::TuiMap,
            Page::Stages => Msg::TuiTimelineShort,
        }
    }

    /// The page that shows a screen (the case list is shown as the dashboard).
    pub(crate) fn of(screen: Screen, part: StagePart) -> Page {
        match (screen, part) {
            (Screen::Stages, StagePart::Timeline) => Page::Stages,
            (Screen::Stages, _) => Page::Campaign,
            (Screen::Map, _) => Page::Map,
            _ => Page::Dashboard,
        }
    }
}

/// Presenter mode's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presenter {
    pub page: Page,
    /// When the page was turned or a key was last pressed: rotation waits a whole cycle from then.
    pub since: NaiveDateTime,
    /// The screen to go back to when presenter mode ends.
    pub(crate) back: Screen,
}

/// The prompt open at the bottom of the screen: the `/` view editor, the name of a view to
/// save, or a question answered with one key. At most one is open; while it is, it takes every key.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    Filter(FilterBar),
    Save(SavePrompt),
    Confirm(Ask),
    /// The format of the screen's report (`W`), the highlighted one given.
    Report(crate::report::files::Format),
}

impl Prompt {
    pub fn filter(&self) -> Option<&FilterBar> {
        match self {
            Prompt::Filter(f) => Some(f),
            _ => None,
        }
    }

    pub fn filter_mut(&mut self) -> Option<&mut FilterBar> {
        match self {
            Prompt::Filter(f) => Some(f),
            _ => None,
        }
    }

    pub fn save(&self) -> Option<&SavePrompt> {
        match self {
            Prompt::Save(p) => Some(p),
            _ => None,
        }
    }

    pub fn save_mut(&mut self) -> Option<&mut SavePrompt> {
        match self {
            Prompt::Save(p) => Some(p),
            _ => None,
        }
    }

    /// The question asked, when one is.
    pub fn ask(&self) -> Option<Ask> {
        match self {
            Prompt::Confirm(a) => Some(*a),
            _ => None,
        }
    }
}

/// What the session remembers of its reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Reports {
    /// The format last chosen, highlighted at the next question.
    pub(crate) format: crate::report::files::Format,
    /// What the status line said of the last report, while it may still be shown.
    pub(crate) said: Option<Said>,
    /// The status line said while a file is being written (or waited for at quitting): shown
    /// with the busy marker, and kept until the answer comes.
    pub(crate) busy: Option<String>,
    /// When `q` was pressed while a file was being written: the screen waits for it (up to
    /// `report_prompt::WAIT_AT_QUIT`) before it quits.
    pub(crate) leaving: Option<chrono::NaiveDateTime>,
}

/// What the status line said of a report.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Said {
    /// Where it was written, and the file's extension (kept when the line must be shortened).
    Written(String, &'static str),
    /// Why it was not.
    Failed(String),
}

impl Default for Reports {
    fn default() -> Reports {
        Reports {
            format: crate::report::files::Format::Xlsx,
            said: None,
            busy: None,
            leaving: None,
        }
    }
}
