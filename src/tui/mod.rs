//! The interactive screen: terminal setup and restore (on quit, error, panic, SIGTERM and SIGHUP)
//! and the event loop turning keys, the clock and worker events into actions. Holds no app state.
//!
//! Where things live: `action` (commands, actions, screen ids) and `data` (what the app and the
//! worker exchange) are leaves; `keymap` and `bindings` are the key table; `state` holds the
//! values `App` is made of (panels, prompts, presenter); `screens/` has one module per screen
//! (its state, commands, drawing) and the one `match` over screens; `app` is the shared state and
//! the one place that drills down, opens a case and asks the worker; `terminal` reads what the
//! terminal declares (colours, characters) and `sgr` writes colour codes it understands;
//! `report_prompt` asks a screen's report of the worker, which writes it with `report_file`.

pub mod action;
pub mod app;
mod area;
pub mod bindings;
pub mod cases;
pub mod clipboard;
pub mod data;
mod draw;
mod draw_present;
pub mod editor;
pub mod effect;
pub mod elections;
pub mod filter;
mod hangup;
pub mod keymap;
pub mod layout;
pub mod marks;
pub mod meeting;
mod nav;
pub mod personal;
pub mod report_file;
mod report_prompt;
mod screen_list;
pub mod screens;
pub mod sgr;
pub mod state;
mod sync;
pub mod terminal;
pub mod theme;
pub mod widgets;
pub mod worker;

use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::TryRecvError;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};

use crate::domain::DeadlineRules;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, core::Core, tr};
use action::Action;
use app::{App, Options};

/// How long the loop waits for a key before looking at the worker and the clock again.
const INPUT_WAIT: Duration = Duration::from_millis(40);
/// How often the clock ticks (marks fade, notices go).
const TICK: Duration = Duration::from_millis(250);

/// What the interactive screen needs to start.
#[derive(Debug, Clone)]
pub struct Session {
    /// The database the worker reads.
    pub db: PathBuf,
    pub rules: DeadlineRules,
    pub options: Options,
    /// How often the worker asks SQLite whether another connection committed (`refresh_ms`).
    pub poll: Duration,
    /// Where saved views and copies go.
    pub outside: effect::Outside,
    /// Where the screens' reports go, and the letterhead of a printed one.
    pub reports: report_file::Setup,
}

/// The terminal drawn on: colour codes rewritten for the colours it declares.
type Term = Terminal<CrosstermBackend<sgr::Sgr<std::io::Stdout>>>;

/// Raw mode, the alternate screen, and a terminal whose colour codes suit `depth`.
fn init(depth: terminal::Depth) -> std::io::Result<Term> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    Terminal::new(CrosstermBackend::new(sgr::Sgr::new(
        std::io::stdout(),
        depth,
    )))
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
enum Ending {
    /// `q`, or SIGTERM: restore the terminal and leave.
    Quit,
    /// SIGHUP: the terminal is gone; do not draw again.
    HangUp,
}

fn terminal_error(e: std::io::Error) -> Error {
    {
        let m = Core::TuiTerminal { why: e.to_string() };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    }
}

/// Runs the interactive screen until `q`, a signal or an error, and restores the terminal.
pub fn run(session: Session) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let hangup = Arc::new(AtomicBool::new(false));
    for (signal, flag) in [
        (signal_hook::consts::SIGTERM, &stop),
        (signal_hook::consts::SIGINT, &stop),
        (signal_hook::consts::SIGHUP, &hangup),
    ] {
        signal_hook::flag::register(signal, Arc::clone(flag)).map_err(|e| {
            let m = Core::TuiSignal { why: e.to_string() };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })?;
    }
    let lang = session.options.lang;
    let worker = worker::spawn_polling(
        session.db,
        session.rules,
        lang,
        crate::store::baseline::default_dir(),
        session.poll,
        session.reports,
    )
    .map_err(|e| {
        let m = Core::TuiWorker { why: e.to_string() };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })?;
    let outside = session.outside;
    let mut terminal = match init(session.options.theme.depth()) {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(terminal_error(e));
        }
    };
    // A panic restores the terminal before its message; a panic of the worker instead ends only
    // the worker, and the app says so in its status line.
    let on_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(worker::THREAD) {
            restore();
            on_panic(info);
        }
    }));
    let mut app = App::new(session.options);
    // Ends the process if the terminal hangs up while the loop is stuck reading it.
    let watchdog = hangup::Watchdog::spawn(Arc::clone(&hangup)).map_err(|e| {
        let m = Core::TuiWatchdog { why: e.to_string() };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })?;
    let ending = event_loop(&mut terminal, &mut app, &worker, &outside, &stop, &hangup);
    // After a hang-up the watchdog gives restoring a second at most: a dead terminal may block.
    drop(terminal);
    restore();
    watchdog.finish();
    // The worker stops by itself once its request channel closes; a query it is in is not waited for.
    drop(worker);
    match ending {
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Leaves the alternate screen and raw mode and shows the cursor; errors are ignored (the
/// terminal may be gone).
fn restore() {
    let _ = ratatui::try_restore();
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
}

/// Handles an action and every follow-up it returns.
fn dispatch(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(a) = next {
        next = app.update(a);
    }
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    worker: &worker::Worker,
    outside: &effect::Outside,
    stop: &AtomicBool,
    hangup: &AtomicBool,
) -> Result<Ending> {
    let size = terminal.size().map_err(terminal_error)?;
    dispatch(app, Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    let mut worker_gone = false;
    let mut dirty = true;
    loop {
        if hangup.load(Ordering::SeqCst) {
            return Ok(Ending::HangUp);
        }
        if stop.load(Ordering::SeqCst) || app.should_quit() {
            return Ok(Ending::Quit);
        }
        while !worker_gone {
            match worker.events.try_recv() {
                Ok(worker::Event::Reply(r)) => dispatch(app, Action::Reply(r)),
                Ok(worker::Event::DbChanged) => dispatch(app, Action::DbChanged),
                Ok(worker::Event::Gone(message)) => {
                    worker_gone = true;
                    dispatch(app, Action::WorkerGone(message));
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    worker_gone = true;
                    dispatch(
                        app,
                        Action::WorkerGone(tr(app.lang(), Msg::TuiWorkerGone).to_string()),
                    );
                }
            }
            dirty = true;
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            dispatch(app, Action::Tick(chrono::Local::now().naive_local()));
            dirty = true;
        }
        for req in app.take_requests() {
            if !worker.send(req) && !worker_gone {
                worker_gone = true;
                dispatch(
                    app,
                    Action::WorkerGone(tr(app.lang(), Msg::TuiWorkerGone).to_string()),
                );
            }
        }
        for e in app.take_effects() {
            let done = effect::perform(e, outside, app.lang(), &mut std::io::stdout());
            dispatch(app, done);
            dirty = true;
        }
        if app.should_quit() {
            continue;
        }
        if dirty {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(terminal_error)?;
            dirty = false;
        }
        match hangup::wait_for_input(INPUT_WAIT) {
            hangup::Input::HungUp => return Ok(Ending::HangUp),
            // Quiet: crossterm may still hold a resize from SIGWINCH, so it is asked either way.
            hangup::Input::Ready | hangup::Input::Quiet => {}
        }
        // Everything that has arrived, without waiting: the wait is the poll above, which tells
        // a hung-up terminal apart from input (crossterm would read its end-of-file forever).
        loop {
            match event::poll(Duration::ZERO) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => break,
                Err(e) => return Err(terminal_error(e)),
            }
            match event::read() {
                Ok(Event::Key(key)) => {
                    if let Some(action) = app.keymap().action_for(app.mode(), &key) {
                        dispatch(app, action);
                        dirty = true;
                    }
                }
                Ok(Event::Resize(w, h)) => {
                    dispatch(app, Action::Resize(w, h));
                    dirty = true;
                }
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(terminal_error(e)),
            }
            if app.should_quit() {
                break;
            }
        }
    }
}
