//! One file per subcommand. Here: choosing the database path, opening it, the shared context.

mod backup;
mod batches;
pub mod check;
mod demo;
mod export;
mod import;
mod init;
mod report;
mod simulate;
mod tui;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{Cli, Command, Global};
use crate::domain::{DayCount, DeadlineRules};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::{Mode, Store};
use crate::view::View;

/// What every command needs: the language, the database path, today, and whether to write.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    pub db: PathBuf,
    pub read_only: bool,
    pub demo: bool,
    pub today: NaiveDate,
    pub deadline_days: DayCount,
}

impl Context {
    /// The context from the global flags and the environment.
    pub fn from_global(g: &Global) -> Result<Context> {
        let db = match (&g.db, g.demo) {
            (_, true) => data_dir()?.join("demo.db"),
            (Some(p), false) => p.clone(),
            (None, false) => data_dir()?.join("pantau.db"),
        };
        Ok(Context {
            lang: g.lang.unwrap_or_else(Lang::from_env),
            db,
            read_only: g.read_only,
            demo: g.demo,
            today: today()?,
            deadline_days: g.deadline_days,
        })
    }

    /// Opens the database for reading (creating the demo database first with `--demo`).
    pub fn open_for_reading(&self) -> Result<Store> {
        if self.demo && !self.db.exists() && !self.read_only {
            demo::write_kaltim(self, demo::DEFAULT_SEED, false)?;
        }
        let mode = if self.read_only {
            Mode::ReadOnly
        } else {
            Mode::Write
        };
        let store = match Store::open(&self.db, mode) {
            // A file we may not write can still be read.
            Err(Error::ReadOnly { .. }) => Store::open(&self.db, Mode::ReadOnly),
            other => other,
        }?;
        self.warn_about(&store);
        Ok(store)
    }

    /// Says what is wrong with the database file's permissions (to the log during a session).
    fn warn_about(&self, store: &Store) {
        for w in store.warnings() {
            crate::log::warn(&w.message(self.lang));
        }
    }

    /// Opens the database for a command that writes.
    pub fn open_for_writing(&self, command: &str, create: bool) -> Result<Store> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.db.clone(),
                why: "--read-only".into(),
                command: command.into(),
            });
        }
        let store = Store::open(&self.db, if create { Mode::Create } else { Mode::Write })?;
        store.require_writable(command)?;
        self.warn_about(&store);
        Ok(store)
    }

    /// The engine over `store` with the deadline rules in force.
    pub fn engine<'s>(&self, store: &'s Store) -> Result<Engine<'s>> {
        let holidays = store.reference()?.holidays.into_iter().map(|h| h.date);
        Engine::new(
            store,
            self.today,
            DeadlineRules::new(self.deadline_days, holidays),
        )
    }

    /// Parses a view spec typed by the user; a mistake is a usage error (exit 2).
    pub fn parse_view(&self, store: &Store, spec: &str, as_of: Option<&str>) -> Result<View> {
        let reference = store.reference()?;
        let mut view = crate::view::parse(spec, &reference).map_err(|e| view_error(spec, e))?;
        if let Some(a) = as_of {
            let spec = format!("asof:{}", quote(a));
            let parsed = crate::view::parse(&spec, &reference).map_err(|e| {
                Error::usage(
                    format!("--as-of: {}", e.message(Lang::Id)),
                    format!("--as-of: {}", e.message(Lang::En)),
                )
            })?;
            view.as_of = parsed.as_of;
        }
        Ok(view)
    }
}

fn quote(s: &str) -> String {
    if s.contains(char::is_whitespace) {
        format!("\"{s}\"")
    } else {
        s.to_string()
    }
}

/// A view-spec error as a usage error in both languages, with the spec and a caret under the spot.
pub fn view_error(spec: &str, e: crate::view::ViewError) -> Error {
    let before: String = spec.chars().take(e.position().saturating_sub(1)).collect();
    let caret = format!(
        "\n  {spec}\n  {}^",
        " ".repeat(unicode_width::UnicodeWidthStr::width(before.as_str()))
    );
    Error::usage(e.message(Lang::Id) + &caret, e.message(Lang::En) + &caret)
}

/// `~/.local/share/pantau` (or `$XDG_DATA_HOME/pantau`).
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "pantau")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            Error::Other("cannot find the home folder; set HOME or use --db PATH".into())
        })
}

/// Today's date, or `PANTAU_TODAY` (YYYY-MM-DD) for rehearsals and tests.
fn today() -> Result<NaiveDate> {
    match std::env::var("PANTAU_TODAY") {
        Ok(s) if !s.is_empty() => crate::domain::parse_date(&s).ok_or_else(|| {
            Error::usage(
                format!("PANTAU_TODAY tidak valid: {s:?}"),
                format!("bad PANTAU_TODAY: {s:?}"),
            )
        }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Context::from_global(&cli.global)?;
    match cli.command {
        None => tui::run(&ctx, &cli.tui, false),
        Some(Command::Present(a)) => tui::run(&ctx, &a.tui.or(&cli.tui), true),
        Some(_) if cli.tui.any() => Err(Error::usage(
            "--view/--as-of/--baseline/--cycle sebelum subperintah berlaku untuk layar interaktif; tulis \
             sesudah subperintah, mis. `pantau report --view ...`",
            "--view/--as-of/--baseline/--cycle before the subcommand apply to the interactive screen; put \
             them after it, e.g. `pantau report --view ...`",
        )),
        Some(Command::Init(a)) => init::run(&ctx, &a),
        Some(Command::Demo(a)) => demo::run(&ctx, &a),
        Some(Command::Report(a)) => report::run(&ctx, &a),
        Some(Command::Export(a)) => export::run(&ctx, &a),
        Some(Command::Batches) => batches::run(&ctx),
        Some(Command::Import(a)) => import::run(&ctx, &a),
        Some(Command::Simulate(a)) => simulate::run(&ctx, &a),
        Some(Command::Backup(a)) => backup::run(&ctx, &a),
        Some(Command::Check) => check::run(&ctx),
    }
}
