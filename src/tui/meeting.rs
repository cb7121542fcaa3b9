//! The meeting part of `App::update`: the baseline (`b`, `B`, the question before one is cleared
//! or replaced, worker answers) and presenter mode (pages, rotation paused by keys). Changes state
//! only: no queries, no drawing, no clock reads.

use chrono::{Duration, NaiveDateTime, Timelike};

use crate::i18n::{Msg, core::Core, tr};
use crate::store::baseline::{Baseline, Op};
use crate::tui::action::{Command, Screen};
use crate::tui::app::{App, Notice};
use crate::tui::data::{Counts, Need};
use crate::tui::keymap::{Key, Mode};
use crate::tui::screens::stages::StagePart;
pub use crate::tui::state::Page;
use crate::tui::state::{Ask, Presenter, Prompt};

impl App {
    /// The focused part of the stage screen.
    pub fn stage_part(&self) -> StagePart {
        self.screens.stages.stage_part
    }

    /// The region of the selected map tile.
    pub fn map_region(&self) -> Option<&str> {
        self.screens.map.region(&self.tiles)
    }

    /// The baseline in force.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    /// The counts of the view at the baseline, when one is in force.
    pub fn base_counts(&self) -> Option<&Counts> {
        self.baseline.as_ref().and(self.base.as_ref())
    }

    /// Whether presenter mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// Handles the meeting commands and, in presenter mode, turns pages; whether `c` was handled.
    pub(crate) fn meeting_command(&mut self, c: Command) -> bool {
        if let Some(p) = &mut self.presenter {
            p.since = self.now;
        }
        // A baseline in force is the meeting's: clearing or replacing it asks first.
        match c {
            Command::SetBaseline => match &self.baseline {
                Some(b) => self.prompt = Some(Prompt::Confirm(Ask::ReplaceBaseline(b.at))),
                None => self.mark_baseline(),
            },
            Command::ClearBaseline => match &self.baseline {
                Some(b) => self.prompt = Some(Prompt::Confirm(Ask::ClearBaseline(b.at))),
                None => {
                    let key = self
                        .prefs
                        .keymap
                        .keys_of(Mode::Global, Command::SetBaseline)
                        .first()
                        .map(Key::label)
                        .unwrap_or_default();
                    self.say(Core::NoBaselineToClear { key }.text(self.lang));
                }
            },
            Command::TogglePresent => self.toggle_present(),
            Command::NextScreen | Command::PrevScreen if self.presenter.is_some() => {
                self.turn_page(c == Command::NextScreen);
            }
            _ => return false,
        }
        true
    }

    /// A baseline now: a copy of the database as it stands.
    fn mark_baseline(&mut self) {
        let at = self.now.with_nanosecond(0).unwrap_or(self.now);
        self.request_baseline(Op::Mark(at));
    }

    /// The yes/no question open in the footer, if any.
    pub fn question(&self) -> Option<Ask> {
        self.prompt.as_ref().and_then(Prompt::ask)
    }

    /// The question as the footer asks it.
    pub fn question_text(&self) -> Option<String> {
        let m = match self.question()? {
            Ask::ClearBaseline(at) => Core::AskClearBaseline {
                at: self.baseline_time(at),
            },
            Ask::ReplaceBaseline(at) => Core::AskReplaceBaseline {
                at: self.baseline_time(at),
            },
        };
        Some(m.text(self.lang))
    }

    /// The answer to the open question: yes does what it asked, anything else leaves the
    /// baseline as it is and says so.
    pub(crate) fn answer(&mut self, c: Command) {
        let Some(ask) = self.question() else { return };
        self.prompt = None;
        match (c, ask) {
            (Command::Quit, _) => self.quit = true,
            (Command::Apply, Ask::ClearBaseline(_)) => self.request_baseline(Op::Clear),
            (Command::Apply, Ask::ReplaceBaseline(_)) => self.mark_baseline(),
            (_, Ask::ClearBaseline(at) | Ask::ReplaceBaseline(at)) => {
                let at = self.baseline_time(at);
                self.say(Core::BaselineKept { at }.text(self.lang));
            }
        }
    }

    fn request_baseline(&mut self, op: Op) {
        let generation = self.request(Need::Baseline(op));
        self.pending.baseline = Some((generation, op));
    }

    /// Takes in the baseline in force after a request, and asks for the counts again.
    pub(crate) fn receive_baseline(&mut self, op: Op, baseline: Option<Baseline>) {
        let l = self.lang;
        let text = match (op, &baseline) {
            (Op::Mark(at), Some(_)) => Some(format!(
                "{} {} · {}",
                tr(l, Msg::TuiBaselineSet),
                at.format("%H:%M:%S"),
                tr(l, Msg::TuiBaselineHint)
            )),
            (Op::Clear, _) => Some(tr(l, Msg::TuiBaselineCleared).to_string()),
            (Op::At(_), Some(b)) => b.rewound.filter(|r| r.touched > 0).map(|r| {
                format!(
                    "{} {} {}",
                    tr(l, Msg::TuiBaselineRewound),
                    r.touched,
                    tr(l, Msg::TuiBaselineTouched)
                )
            }),
            _ => None,
        };
        if let Some(text) = text {
            self.notice = Some(Notice {
                text,
                error: false,
                since: self.now,
            });
        }
        self.baseline = baseline;
        self.base = None;
        self.request_counts();
        // The rows' new-case marks follow the baseline.
        self.reanchor_cases();
        if self.baseline.is_none() && self.view.uses_baseline() {
            self.error(Core::NewNeedsBaseline.text(l));
        }
    }

    /// How the baseline is named on screen: `acuan 14:05`, with the date when it is not today's.
    pub fn baseline_label(&self) -> Option<String> {
        let b = self.baseline.as_ref()?;
        let when = self.baseline_time(b.at);
        Some(format!("{} {when}", tr(self.lang, Msg::TuiBaselineWord)))
    }

    /// A baseline's time as the screen names it: `14:05`, with the date when it is not today's.
    fn baseline_time(&self, at: NaiveDateTime) -> String {
        if at.date() == self.now.date() {
            at.format("%H:%M").to_string()
        } else {
            at.format("%d/%m/%Y %H:%M").to_string()
        }
    }

    /// Enters presenter mode on the page of the current screen, or leaves it for the screen it
    /// was entered from.
    pub(crate) fn toggle_present(&mut self) {
        match self.presenter.take() {
            Some(p) => self.screen = p.back,
            None => {
                self.overlay = None;
                let page = Page::of(self.screen, self.screens.stages.stage_part);
                self.presenter = Some(Presenter {
                    page,
                    since: self.now,
                    back: self.screen,
                });
                self.show_page(page);
            }
        }
    }

    /// The presenter's page, if presenting.
    pub fn page(&self) -> Option<Page> {
        self.presenter.as_ref().map(|p| p.page)
    }

    /// Seconds until the next page turns, when the presenter rotates.
    pub fn seconds_to_turn(&self) -> Option<i64> {
        let p = self.presenter.as_ref()?;
        let cycle = self.cycle?;
        Some((cycle - (self.now - p.since)).num_seconds().max(0))
    }

    fn turn_page(&mut self, forward: bool) {
        let Some(p) = &self.presenter else { return };
        let n = Page::ALL.len();
        let i = Page::ALL.iter().position(|x| *x == p.page).unwrap_or(0);
        let page = Page::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        self.show_page(page);
    }

    fn show_page(&mut self, page: Page) {
        let now = self.now;
        if let Some(p) = &mut self.presenter {
            p.page = page;
            p.since = now;
        }
        match page {
            Page::Dashboard => self.screen = Screen::Dashboard,
            Page::Map => self.screen = Screen::Map,
            Page::Stages => {
                self.screen = Screen::Stages;
                self.screens.stages.stage_part = StagePart::Timeline;
            }
            Page::Campaign => {
                self.screen = Screen::Stages;
                if self.screens.stages.stage_part == StagePart::Timeline {
                    self.screens.stages.stage_part = StagePart::Weeks;
                }
            }
        }
    }

    /// On the clock: turns the presenter's page once a whole cycle passed without a key.
    pub(crate) fn rotate(&mut self) {
        let (Some(p), Some(cycle)) = (&self.presenter, self.cycle) else {
            return;
        };
        if cycle > Duration::zero() && self.now - p.since >= cycle {
            self.turn_page(true);
        }
    }
}
