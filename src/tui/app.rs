//! The TUI's state and `App::update`, the one place it changes: commands, the clock, worker
//! answers. It queues requests for the worker but never queries, draws or reads the clock itself.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::config::Prefs;
use crate::domain::Reference;
use crate::domain::tiles::Tiles;
use crate::engine::{CaseDetail, Level};
use crate::i18n::{Lang, Msg, core::Core, tr};
use crate::store::baseline::{Baseline, Op};
use crate::tui::action::{Action, Command, Screen};
use crate::tui::cases::{CaseList, Fill};
use crate::tui::data::Effect;
use crate::tui::data::{Counts, Need, Request};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::marks::Marks;
pub use crate::tui::screens::dashboard::Panel;
pub use crate::tui::screens::stages::StagePart;
use crate::tui::screens::{Ctx, Screens, Want};
use crate::tui::state::FilterBar;
use crate::tui::state::Prompt;
use crate::tui::state::{Page, Place, Presenter};
use crate::tui::theme::Theme;
use crate::view::{DateExpr, View};

/// What the app starts with.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub reference: Reference,
    /// How the database is named in the title bar.
    pub db_label: String,
    /// The first view (an `asof:` in it becomes the as-of date).
    pub view: View,
    pub as_of: Option<NaiveDate>,
    pub today: NaiveDate,
    /// Whether `today` follows the clock (not when it was fixed for a rehearsal).
    pub follow_clock: bool,
    pub now: NaiveDateTime,
    pub size: (u16, u16),
    /// The region map's layout.
    pub tiles: Tiles,
    /// A baseline at this past time (`--baseline`); else the one kept for the database, if any.
    pub baseline: Option<NaiveDateTime>,
    /// Start in presenter mode (`pantau present`).
    pub present: bool,
    /// The presenter's rotation through its pages (`--cycle`), if any.
    pub cycle: Option<Duration>,
    /// The configuration's keymap, saved views and ASCII drawing.
    pub prefs: Prefs,
}

/// An overlay over the current screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// The key help, over whatever overlay was open (the detail comes back when it closes).
    Help {
        scroll: usize,
        under: Option<Box<Overlay>>,
    },
    Detail {
        id: i64,
        detail: Option<Box<CaseDetail>>,
        missing: bool,
        scroll: usize,
        /// The next case (`n`) waits for the list's next page: the case then under the list's
        /// cursor is shown when it arrives.
        follow: bool,
    },
    /// The saved views (`v`), one of them selected, with how many cases each holds (once the
    /// worker has counted them) and whether the question before deleting it is asked.
    Views {
        selected: usize,
        counts: Option<Vec<Option<i64>>>,
        confirm: bool,
    },
}

/// A line for the status bar: a notice fades, an error stays until replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    pub since: NaiveDateTime,
}

/// What is asked of the worker and not yet answered (by generation).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Pending {
    pub(crate) counts: Option<(u64, (View, NaiveDate))>,
    pub(crate) page: Option<(u64, Fill)>,
    pub(crate) detail: Option<u64>,
    pub(crate) baseline: Option<(u64, Op)>,
    pub(crate) views: Option<u64>,
    /// The reports being written, each written whatever is asked after it.
    pub(crate) reports: Vec<u64>,
}

/// The whole state of the TUI.
#[derive(Debug)]
pub struct App {
    pub(crate) lang: Lang,
    pub(crate) theme: Theme,
    pub(crate) reference: Reference,
    /// The region map's layout.
    pub(crate) tiles: Tiles,
    pub(crate) db_label: String,
    pub(crate) screen: Screen,
    pub(crate) overlay: Option<Overlay>,
    /// The prompt open at the bottom, if any (the view editor, a saved view's name).
    pub(crate) prompt: Option<Prompt>,
    pub(crate) view: View,
    /// The codes of the elections the database holds cases of, as the worker last said (none
    /// before its first answer).
    pub(crate) held: Option<Vec<String>>,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) today: NaiveDate,
    pub(crate) follow_clock: bool,
    /// The drill-downs Esc undoes, the last one last (the path drawn above the screen).
    pub(crate) back: Vec<Place>,
    /// The table of regions the dashboard and the map show (the root's until drilled into).
    pub(crate) area: Level,
    pub(crate) history: Vec<String>,
    pub(crate) frozen: bool,
    /// The database changed while frozen.
    pub(crate) stale: bool,
    pub(crate) now: NaiveDateTime,
    pub(crate) refreshed_at: Option<NaiveDateTime>,
    pub(crate) counts: Option<Counts>,
    pub(crate) counts_key: Option<(View, NaiveDate)>,
    pub(crate) marks: Marks,
    /// Each screen's own state.
    pub(crate) screens: Screens,
    /// The baseline in force, and the counts of the view as it has them.
    pub(crate) baseline: Option<Baseline>,
    pub(crate) base: Option<Counts>,
    pub(crate) presenter: Option<Presenter>,
    pub(crate) cycle: Option<Duration>,
    pub(crate) size: (u16, u16),
    pub(crate) notice: Option<Notice>,
    pub(crate) pending: Pending,
    pub(crate) generation: u64,
    pub(crate) outbox: Vec<Request>,
    pub(crate) quit: bool,
    pub(crate) prefs: Prefs,
    /// What the event loop is asked to do outside the app (save a view, copy).
    pub(crate) effects: Vec<Effect>,
    /// The format last chosen for a report, and where the last one went.
    pub(crate) report: crate::tui::state::Reports,
}

/// How long a notice stays in the status bar.
const NOTICE_FOR: Duration = Duration::seconds(5);

impl App {
    /// The app with its first requests queued.
    pub fn new(o: Options) -> App {
        // `--ascii` (or `ascii = true`) draws in ASCII whatever the theme was built for.
        let theme = if o.prefs.ascii {
            o.theme.with_glyphs(crate::tui::terminal::Glyphs::Ascii)
        } else {
            o.theme
        };
        let mut app = App {
            lang: o.lang,
            theme,
            reference: o.reference,
            db_label: o.db_label,
            screen: Screen::Dashboard,
            overlay: None,
            prompt: None,
            view: View::default(),
            held: None,
            as_of: o.as_of,
            today: o.today,
            follow_clock: o.follow_clock,
            back: Vec::new(),
            area: Level::Root,
            history: Vec::new(),
            frozen: false,
            stale: false,
            now: o.now,
            refreshed_at: None,
            counts: None,
            counts_key: None,
            marks: Marks::default(),
            screens: Screens::default(),
            tiles: o.tiles,
            baseline: None,
            base: None,
            presenter: None,
            cycle: o.cycle,
            size: o.size,
            notice: None,
            pending: Pending::default(),
            generation: 0,
            outbox: Vec::new(),
            quit: false,
            prefs: o.prefs,
            effects: Vec::new(),
            report: Default::default(),
        };
        let spec = o.view.print(&app.reference);
        if !spec.is_empty() {
            app.history.push(spec);
        }
        app.set_view(o.view);
        let op = o.baseline.map_or(Op::Load, Op::At);
        let generation = app.request(Need::Baseline(op));
        app.pending.baseline = Some((generation, op));
        if o.present {
            app.toggle_present();
        }
        app
    }

    /// Handles one action; may return a follow-up action to handle next.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let next = match action {
            Action::Command(c) => self.command(c),
            Action::Insert(c) if self.save_prompt().is_some() => {
                self.save_insert(c);
                None
            }
            Action::Insert(c) => {
                if let Some(f) = self.prompt.as_mut().and_then(Prompt::filter_mut) {
                    f.editor.insert(c);
                    f.error = None;
                }
                None
            }
            Action::Tick(now) => {
                self.tick(now);
                None
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                let visible = self.case_rows();
                self.screens.cases.list.scroll_to_cursor(visible);
                None
            }
            Action::DbChanged => {
                if self.frozen {
                    self.stale = true;
                } else {
                    self.refresh();
                }
                None
            }
            Action::Reply(reply) => {
                self.receive(*reply);
                None
            }
            Action::WorkerGone(message) => {
                self.pending = Pending::default();
                self.error(format!("{}: {message}", tr(self.lang, Msg::TuiWorkerGone)));
                None
            }
            Action::Done(outcome) => {
                self.outcome(outcome);
                None
            }
        };
        self.fetch_pages();
        next
    }

    /// The requests queued for the worker since the last call.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.outbox)
    }

    /// Whether `q` was pressed.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether an answer is awaited (the busy marker).
    pub fn is_busy(&self) -> bool {
        self.pending.counts.is_some()
            || self.pending.page.is_some()
            || self.pending.detail.is_some()
            || self.pending.baseline.is_some()
            || self.pending.views.is_some()
            || !self.pending.reports.is_empty()
    }

    /// Which part of the keymap applies now.
    pub fn mode(&self) -> Mode {
        // The help (F1) opens over a prompt too, and closes back to it.
        if let Some(Overlay::Help { .. }) = self.overlay {
            return Mode::Help;
        }
        if self.save_prompt().is_some() {
            return Mode::Save;
        }
        if self.question().is_some() {
            return Mode::Confirm;
        }
        if self.report_question().is_some() {
            return Mode::Report;
        }
        match (self.filter(), &self.overlay, self.screen) {
            (Some(_), _, _) => Mode::Filter,
            (None, Some(Overlay::Views { confirm: true, .. }), _) => Mode::Confirm,
            (None, Some(Overlay::Views { .. }), _) => Mode::Views,
            (None, Some(Overlay::Help { .. }), _) => Mode::Help,
            (None, Some(Overlay::Detail { .. }), _) => Mode::Detail,
            _ if self.presenter.is_some() => Mode::Present,
            (None, None, _) => self.screen_mode(),
        }
    }

    /// The mode of the current screen, without overlays or the presenter.
    pub fn screen_mode(&self) -> Mode {
        Mode::of(self.screen)
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The terminal size the app lays out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    /// The codes of the elections the database holds cases of (empty until the worker said).
    pub fn held(&self) -> &[String] {
        self.held.as_deref().unwrap_or_default()
    }

    /// The current view in canonical form (without its as-of date).
    pub fn view_spec(&self) -> String {
        self.view.print_in(&self.reference, self.lang)
    }

    /// The date the figures are counted at.
    /// A spec the user typed or saved, read as the screen shows it: its `pekan:` terms are of the
    /// campaign of the election in view (see `view::parse_shown`).
    pub(crate) fn parse_spec(&self, spec: &str) -> Result<View, crate::view::ViewError> {
        crate::view::parse_shown(spec, &self.reference, self.today, self.as_of(), &|| {
            self.held().to_vec()
        })
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of.unwrap_or(self.today)
    }

    pub fn is_frozen(&self) -> bool {
        self.frozen
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn filter(&self) -> Option<&FilterBar> {
        self.prompt.as_ref().and_then(Prompt::filter)
    }

    pub fn counts(&self) -> Option<&Counts> {
        self.counts.as_ref()
    }

    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    pub fn cases(&self) -> &CaseList {
        &self.screens.cases.list
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The focused dashboard panel and its selected row.
    pub fn dashboard_cursor(&self) -> (Panel, usize) {
        self.screens.dashboard.cursor(&self.ctx())
    }

    /// The selected row of the stage screen's timeline.
    pub fn stage_row(&self) -> usize {
        self.screens.stages.stage_row
    }

    /// How many cases the list shows at the current size.
    pub fn case_rows(&self) -> usize {
        let (w, h) = self.body_size();
        layout::case_rows(w, h)
    }

    /// Makes `view` current: its `asof:` becomes the as-of date, the counts and the list start over.
    pub(crate) fn set_view(&mut self, mut view: View) {
        // `per:today` follows today's date again; any other `per:` fixes the as-of date.
        match view.as_of.take() {
            Some(DateExpr::Today) => self.as_of = None,
            Some(d) => self.as_of = Some(d.resolve(self.today)),
            None => {}
        }
        self.view = view;
        self.marks.clear();
        self.screens.cases.list.reset();
        self.screens.cases.stale = false;
        self.pending.page = None;
        self.request_counts();
    }

    /// Moves the as-of date; the list keeps its cursor on the same case.
    fn set_as_of(&mut self, date: NaiveDate) {
        self.as_of = Some(date);
        self.marks.clear();
        self.request_counts();
        self.reanchor_cases();
        if let Some(Overlay::Detail { id, .. }) = self.detail_overlay() {
            let id = *id;
            self.request_detail(id);
        }
        self.refresh_views();
    }

    /// `[`/`]`: the view one day earlier or later; at the first or last day pantau works with it
    /// stays, and says so.
    fn step_day(&mut self, forward: bool) {
        use crate::domain::{day_in_range, first_day, last_day};
        let day = self.as_of();
        let next = if forward {
            day.succ_opt()
        } else {
            day.pred_opt()
        };
        match next.filter(|d| day_in_range(*d)) {
            Some(d) => {
                // Stepping past today is allowed (a rehearsal), but never without a word.
                if d > self.today && day <= self.today {
                    self.say(tr(self.lang, Msg::TuiFutureNotice).to_string());
                }
                self.set_as_of(d)
            }
            None => {
                let (first, last) = (first_day(), last_day());
                self.error(
                    Core::AsOfOutOfRange {
                        day: day.to_string(),
                        first: first.to_string(),
                        last: last.to_string(),
                    }
                    .text(self.lang),
                )
            }
        }
    }

    fn show(&mut self, screen: Screen) {
        self.overlay = None;
        self.screen = screen;
    }

    fn tick(&mut self, now: NaiveDateTime) {
        self.now = now;
        self.wait_at_quit(now);
        self.marks.expire(now);
        self.rotate();
        if self
            .notice
            .as_ref()
            .is_some_and(|n| !n.error && now - n.since >= NOTICE_FOR)
            && !self.report_busy()
        {
            self.notice = None;
        }
        if self.follow_clock && now.date() != self.today {
            self.today = now.date();
            if self.as_of.is_none() && !self.frozen {
                self.refresh();
            }
        }
    }

    pub(crate) fn error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            error: true,
            since: self.now,
        });
    }

    /// Runs a command from the keymap.
    fn command(&mut self, c: Command) -> Option<Action> {
        // A file still being written is waited for, never lost silently.
        if c == Command::Quit && self.hold_quit() {
            return None;
        }
        // Keys pressed while the terminal is too small would act unseen: only quitting works.
        if crate::tui::layout::too_small(self.size.0, self.size.1) && c != Command::Quit {
            return None;
        }
        let help = matches!(self.overlay, Some(Overlay::Help { .. }));
        if self.filter().is_some() && !help && c != Command::Help {
            return self.filter_command(c);
        }
        if self.question().is_some() {
            self.answer(c);
            return None;
        }
        if self.report_command(c) || self.personal_command(c) {
            return None;
        }
        if self.meeting_command(c) {
            return None;
        }
        match c {
            Command::Quit => self.quit = true,
            Command::Back => return self.back(),
            Command::Help => {
                self.overlay = match self.overlay.take() {
                    Some(Overlay::Help { under, .. }) => under.map(|o| *o),
                    other => Some(Overlay::Help {
                        scroll: 0,
                        under: other.map(Box::new),
                    }),
                }
            }
            Command::EditView => {
                self.overlay = None;
                let spec = self.view_spec();
                self.prompt = Some(Prompt::Filter(FilterBar::new(&spec)));
            }
            Command::NextScreen => self.show(self.screen.cycle(true)),
            Command::PrevScreen => self.show(self.screen.cycle(false)),
            Command::Show(s) => self.show(s),
            Command::NextElection => self.switch_election(true),
            Command::PrevElection => self.switch_election(false),
            Command::ToggleFreeze => {
                self.frozen = !self.frozen;
                if !self.frozen {
                    self.refresh();
                }
            }
            Command::ToggleLang => self.lang = self.lang.toggled(),
            Command::DayBack => self.step_day(false),
            Command::DayForward => self.step_day(true),
            Command::SortNext | Command::SortFlip => self.sort(c),
            Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown => return self.navigate(c),
            Command::Open => return self.open(),
            Command::NextCase => self.step_case(true),
            Command::PrevCase => self.step_case(false),
            // Editor commands do nothing outside the editor.
            _ => {}
        }
        None
    }

    /// What the screens read: the shared state, never a screen's own.
    pub(crate) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            lang: self.lang,
            theme: self.look(),
            reference: &self.reference,
            tiles: &self.tiles,
            view: &self.view,
            held: self.held(),
            as_of: self.as_of(),
            counts: self.counts.as_ref(),
            base: self.base_counts(),
            marks: &self.marks,
            presenting: self.presenter.is_some(),
            size: self.body_size(),
            area: &self.area,
        }
    }

    /// A command for the current screen's own module; what it wants done is done here.
    pub(crate) fn screen_command(&mut self, c: Command) -> Option<Action> {
        let mut screens = std::mem::take(&mut self.screens);
        let want = screens.command(self.screen, c, &self.ctx());
        self.screens = screens;
        if self.screen == Screen::Stages
            && let Some(p) = &mut self.presenter
        {
            p.page = Page::of(self.screen, self.screens.stages.stage_part);
        }
        match want? {
            Want::Drill(view) => self.drill(view),
            Want::Open(id) => {
                self.open_detail(id);
                None
            }
            Want::Page(req, fill) => {
                self.request_page(req, fill);
                None
            }
            Want::Area { view, next, name } => self.descend(view, next, name),
        }
    }

    pub(crate) fn open_detail(&mut self, id: i64) {
        self.overlay = Some(Overlay::Detail {
            id,
            detail: None,
            missing: false,
            scroll: 0,
            follow: false,
        });
        self.request_detail(id);
    }

    /// `o`/`O`: the next sort column, or the other direction.
    fn sort(&mut self, c: Command) {
        use crate::view::{Sort, SortKey};
        const ORDER: [SortKey; 7] = [
            SortKey::Number,
            SortKey::Received,
            SortKey::Region,
            SortKey::Stage,
            SortKey::Type,
            SortKey::Status,
            SortKey::Due,
        ];
        let current = self.view.sort.unwrap_or(Sort {
            key: SortKey::Received,
            descending: false,
        });
        let sort = match c {
            Command::SortFlip => Sort {
                descending: !current.descending,
                ..current
            },
            _ => {
                let i = ORDER.iter().position(|k| *k == current.key).unwrap_or(0);
                Sort {
                    key: ORDER[(i + 1) % ORDER.len()],
                    descending: false,
                }
            }
        };
        let view = View {
            sort: Some(sort),
            ..self.view.clone()
        };
        self.set_view(view);
    }

    /// The number of rows the overlay text has, to stop scrolling at its end.
    pub(crate) fn overlay_lines(&self) -> usize {
        match &self.overlay {
            Some(Overlay::Help { .. }) => crate::tui::widgets::help::line_count(
                &self.prefs.keymap,
                self.lang,
                usize::from(self.size.0),
            ),
            Some(Overlay::Detail {
                detail: Some(d), ..
            }) => crate::tui::widgets::detail::lines(
                d,
                &self.reference,
                self.lang,
                self.as_of(),
                &self.theme,
                usize::from(self.size.0),
            )
            .len(),
            _ => 0,
        }
    }
}
