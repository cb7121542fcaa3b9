//! One file per subcommand. Here: choosing the database path, opening it, the shared context.

mod backup;
mod batches;
pub mod check;
mod config;
mod demo;
mod doctor;
mod export;
mod import;
mod init;
mod kegiatan;
mod limpah;
mod manual;
mod rekap;
mod report;
mod report_files;
mod report_pekan;
mod simulate;
mod tui;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Cli, Command, Global};
use crate::config::{Config, ConfigError, Source};
use crate::domain::{DayCount, DeadlineRules};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command as Says;
use crate::store::{Mode, Store};
use crate::tui::bindings::Keymap;
use crate::tui::terminal::{Choice, Detected};
use crate::tui::theme::{Theme, ThemeName};
use crate::view::View;

/// What every command needs: the language, the database path, today, whether to write, and the
/// configuration in force (each value with where it came from).
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    pub db: PathBuf,
    pub read_only: bool,
    pub demo: bool,
    pub today: NaiveDate,
    pub deadline_days: DayCount,
    /// The configuration in force: the file over the defaults, with flags and environment over it.
    pub config: Config,
    /// Where the configuration file is (or would be): saved views are written there.
    pub config_path: Option<PathBuf>,
    /// The mistakes of the configuration (only `doctor` goes on with them).
    pub config_errors: Vec<ConfigError>,
    pub keymap: Keymap,
    /// What the terminal declares (TERM, COLORTERM, NO_COLOR, the locale, terminfo).
    pub terminal: Detected,
}

impl Context {
    /// The context from the global flags, the environment and the configuration file; a mistake
    /// in the configuration stops here (exit status 2), naming the file, line and key.
    pub fn from_global(g: &Global) -> Result<Context> {
        let ctx = Context::lenient(g)?;
        match ctx.config_errors.as_slice() {
            [] => Ok(ctx),
            errors => Err(config_error(errors)),
        }
    }

    /// The context, with the defaults standing in for a configuration with mistakes (kept in
    /// `config_errors`).
    pub fn lenient(g: &Global) -> Result<Context> {
        let config_path = g.config.clone().or_else(crate::config::default_path);
        let (config, errors) = match (&config_path, g.ignore_config) {
            (Some(path), false) => match Config::load(path, g.config.is_some()) {
                Ok(c) => (c, Vec::new()),
                Err(e) => (Config::defaults(), e),
            },
            _ => (Config::defaults(), Vec::new()),
        };
        let mut ctx = Context::new(g, config)?;
        ctx.config_path = config_path;
        ctx.config_errors.splice(0..0, errors);
        Ok(ctx)
    }

    /// The context from the global flags over `config` (tests pass their own).
    pub fn new(g: &Global, mut config: Config) -> Result<Context> {
        let env = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty());
        let db = match (&g.db, g.demo, env("PANTAU_DB"), &config.database.value) {
            (_, true, _, _) => {
                let db = data_dir()?.join("demo.db");
                config
                    .database
                    .set(Some(db.clone()), Source::Flag("--demo"));
                db
            }
            (Some(p), false, _, _) => {
                config.database.set(Some(p.clone()), Source::Flag("--db"));
                p.clone()
            }
            (None, false, Some(p), _) => {
                let p = PathBuf::from(p);
                config
                    .database
                    .set(Some(p.clone()), Source::Env("PANTAU_DB"));
                p
            }
            (None, false, None, Some(p)) => p.clone(),
            (None, false, None, None) => data_dir()?.join("pantau.db"),
        };
        if let Some(l) = g.lang {
            config.language.set(Some(l), Source::Flag("--lang"));
        } else if config.language.value.is_none() {
            let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find(|v| std::env::var(v).is_ok_and(|x| !x.is_empty()));
            let from = var.map_or(Source::Default, Source::Env);
            config.language.set(Some(Lang::from_env()), from);
        }
        let days = match (g.deadline_days, env("PANTAU_DEADLINE_DAYS")) {
            (Some(d), _) => Some((d, Source::Flag("--deadline-days"))),
            (None, Some(v)) => {
                let v = v.to_string_lossy();
                let d = <DayCount as clap::ValueEnum>::from_str(v.trim(), true).map_err(|_| {
                    let m = Says::DeadlineDaysEnv { value: &v };
                    Error::usage(m.text(Lang::Id), m.text(Lang::En))
                })?;
                Some((d, Source::Env("PANTAU_DEADLINE_DAYS")))
            }
            (None, None) => None,
        };
        if let Some((d, from)) = days {
            config.deadline_days.set(d, from);
        }
        if let Some(t) = g.theme {
            config.theme.set(t, Source::Flag("--theme"));
        } else if crate::tui::theme::no_color() {
            config.theme.set(ThemeName::Mono, Source::Env("NO_COLOR"));
        }
        if g.ascii {
            config.ascii.set(true, Source::Flag("--ascii"));
        }
        let (keymap, config_errors) = match config.keymap() {
            Ok(k) => (k, Vec::new()),
            Err(e) => (Keymap::default(), e),
        };
        let lang = config.language.value.unwrap_or_else(Lang::from_env);
        crate::log::set_lang(lang);
        Ok(Context {
            lang,
            db,
            read_only: g.read_only,
            demo: g.demo,
            today: today()?,
            deadline_days: config.deadline_days.value,
            config,
            config_path: None,
            config_errors,
            keymap,
            terminal: crate::tui::terminal::detect(&crate::tui::terminal::Env::from_process()),
        })
    }

    /// The theme, colours and characters in force: the user's choice (a flag, `NO_COLOR`, the
    /// configuration) where there is one, else what the terminal declares.
    /// How this command draws a progress bar: in its language, in ASCII where the terminal or
    /// the locale shows no Unicode blocks.
    pub fn progress_style(&self) -> crate::progress::Style {
        crate::progress::Style {
            lang: self.lang,
            unicode: self.choice().glyphs == crate::tui::terminal::Glyphs::Unicode,
        }
    }

    pub fn choice(&self) -> Choice {
        let chosen = |s: &Source| *s != Source::Default;
        let theme = chosen(&self.config.theme.source).then_some(self.config.theme.value);
        let ascii = chosen(&self.config.ascii.source).then_some(self.config.ascii.value);
        crate::tui::terminal::choose(&self.terminal, theme, ascii)
    }

    /// The theme in force, for the terminal's colours and characters.
    pub fn theme(&self) -> Theme {
        let c = self.choice();
        Theme::named(c.theme)
            .with_depth(c.depth)
            .with_glyphs(c.glyphs)
    }

    /// The spec of a view as typed, with every `@NAME` replaced by the saved view NAME (which
    /// may name others in turn).
    pub fn expand_view(&self, spec: &str) -> Result<String> {
        let views = &self.config.views;
        let file = self
            .config_path
            .as_ref()
            .map_or(String::new(), |p| p.display().to_string());
        let spec_of = |name: &str| {
            views
                .iter()
                .find(|(v, _)| v.name == name)
                .map(|(v, _)| v.spec.clone())
        };
        let listed = |lang: Lang| {
            let mut known: Vec<String> = views
                .iter()
                .take(20)
                .map(|(v, _)| format!("@{}", v.name))
                .collect();
            if views.len() > known.len() {
                known.push(format!("… (+{})", views.len() - known.len()));
            }
            Says::ViewsKnown {
                file: &file,
                known: &known.join(", "),
            }
            .text(lang)
        };
        let saved = crate::view::Saved {
            spec: &spec_of,
            listed: &listed,
        };
        crate::view::expand(spec, &saved).map_err(|e| view_error(spec, e))
    }

    /// Opens the database for reading (creating the demo database first with `--demo`). Always
    /// read-only: a command that only reads never takes the write lock, never waits for an
    /// ordinary writer (only for a database held exclusively, as by sqlite3 in
    /// `locking_mode=EXCLUSIVE`), and never upgrades the schema (a command that writes does,
    /// e.g. `pantau init`).
    pub fn open_for_reading(&self) -> Result<Store> {
        self.open_for_reading_stoppable(&std::sync::atomic::AtomicBool::new(false))?
            .ok_or_else(|| Error::Locked {
                path: self.db.clone(),
                seconds: crate::store::BUSY_TIMEOUT.as_secs(),
            })
    }

    /// [`Self::open_for_reading`] for a command with a Ctrl-C handler (`cancel`): `None` when
    /// Ctrl-C ends a wait for a database held exclusively.
    pub fn open_for_reading_stoppable(
        &self,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<Store>> {
        if self.demo && !self.db.exists() && !self.read_only {
            demo::write_kaltim(self, demo::DEFAULT_SEED, false)?;
        }
        let wait = crate::store::BUSY_TIMEOUT;
        let Some(store) = self.open_waiting(&self.db, Mode::ReadOnly, wait, cancel)? else {
            return Ok(None);
        };
        let store = if self.read_only {
            store
        } else {
            store.reading()
        };
        self.warn_about(&store);
        Ok(Some(store))
    }

    /// [`Self::open_for_reading`] for a command that answers and exits: the file (up to
    /// [`crate::store::MAP_LIMIT`]) read through a memory map ([`Store::map_file`]).
    pub fn open_to_answer(&self) -> Result<Store> {
        self.open_for_reading()?.map_file(crate::store::MAP_LIMIT)
    }

    /// Says what is wrong with the database file's permissions (to the log during a session).
    fn warn_about(&self, store: &Store) {
        for w in store.warnings() {
            crate::log::warn(&w.message(self.lang));
        }
    }

    /// Opens the database at `path`, waiting up to `wait` for a lock already held and saying so
    /// after a second; `None` if `cancel` is set (Ctrl-C) while waiting, nothing read or written.
    fn open_waiting(
        &self,
        path: &Path,
        mode: Mode,
        wait: std::time::Duration,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<Store>> {
        let mut waiting = self.waiting_for_writer(wait.as_secs());
        Store::open_waiting(path, mode, wait, cancel, &mut waiting)
    }

    /// [`Self::open_waiting`] with the store's own wait ([`crate::store::BUSY_TIMEOUT`]), for a
    /// command with no `--wait` and no Ctrl-C handler yet (Ctrl-C ends the process while it waits).
    pub fn open_patiently(&self, path: &Path, mode: Mode) -> Result<Store> {
        let wait = crate::store::BUSY_TIMEOUT;
        let never = std::sync::atomic::AtomicBool::new(false);
        self.open_waiting(path, mode, wait, &never)?
            .ok_or_else(|| Error::Locked {
                path: path.to_path_buf(),
                seconds: wait.as_secs(),
            })
    }

    /// Opens the database for a command that writes, waiting for a lock already held as any
    /// write does and saying so after a second.
    pub fn open_for_writing(&self, command: &str, create: bool) -> Result<Store> {
        self.refuse_read_only(command)?;
        if create && !self.db.exists() {
            // At most the database's own folder (or the user's data folder), never a chain.
            crate::store::files::create_folder(&self.db)?;
        }
        let mode = if create { Mode::Create } else { Mode::Write };
        let store = self.open_patiently(&self.db, mode)?;
        store.require_writable(command)?;
        self.warn_about(&store);
        Ok(store)
    }

    /// [`Self::open_for_writing`] for a command told how long to wait for another writer
    /// (`--wait SECONDS`): a lock already held when it starts is waited for that long, saying so
    /// after a second, and Ctrl-C (`cancel`) ends the wait with `None`, nothing read or written.
    pub fn open_for_writing_within(
        &self,
        command: &str,
        seconds: u64,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<Store>> {
        self.refuse_read_only(command)?;
        let wait = std::time::Duration::from_secs(seconds);
        let Some(store) = self.open_waiting(&self.db, Mode::Write, wait, cancel)? else {
            return Ok(None);
        };
        store.require_writable(command)?;
        self.warn_about(&store);
        Ok(Some(store))
    }

    /// `--read-only` refuses every command that writes.
    fn refuse_read_only(&self, command: &str) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.db.clone(),
                why: "--read-only".into(),
                command: command.into(),
            });
        }
        Ok(())
    }

    /// The engine over `store` with the deadline rules in force.
    pub fn engine<'s>(&self, store: &'s Store) -> Result<Engine<'s>> {
        // The database's elections: Engine::new would put them in place of the shipped ones.
        let reference = store.reference()?;
        let holidays = reference.holidays.iter().map(|h| h.date);
        let rules =
            DeadlineRules::for_elections(self.deadline_days, holidays, &reference.elections);
        Engine::new(store, self.today, rules)
    }

    /// The engine for `view` (typed as `spec`): with the time of the baseline kept for the
    /// database when the view asks for `is:new`, which without one is a usage error.
    pub fn engine_for<'s>(&self, store: &'s Store, view: &View, spec: &str) -> Result<Engine<'s>> {
        let mut engine = self.engine(store)?;
        if view.uses_baseline() {
            let kept = match crate::store::baseline::default_dir() {
                Some(dir) => crate::store::baseline::Keeper::new(&dir, &self.db)?.kept()?,
                None => None,
            };
            let Some(b) = kept else {
                return Err(view_error(spec, crate::view::needs_baseline(spec)));
            };
            engine.set_new_since(Some(b.at));
        }
        Ok(engine)
    }

    /// Parses a view spec typed by the user, with `--as-of` if given; a mistake is a usage
    /// error (exit 2). `--as-of` and a `per:` in the view may both be given only when they
    /// name the same date: figures are counted at one date, and neither silently wins.
    pub fn parse_view(&self, store: &Store, spec: &str, as_of: Option<&str>) -> Result<View> {
        refuse_a_flag("--view", spec)?;
        if let Some(a) = as_of {
            refuse_a_flag("--as-of", a)?;
        }
        let reference = store.reference()?;
        let spec = self.expand_view(spec)?;
        let spec = spec.as_str();
        let flag = match as_of {
            Some(a) => {
                let spec = format!("asof:{}", quote(a));
                let parsed = crate::view::parse(&spec, &reference).map_err(|e| {
                    Error::usage(
                        format!("--as-of: {}", e.message(Lang::Id)),
                        format!("--as-of: {}", e.message(Lang::En)),
                    )
                })?;
                Some(parsed)
            }
            None => None,
        };
        // The view's pekan are those of the election in view on the date it is counted at.
        let at = flag
            .as_ref()
            .and_then(|f| f.as_of)
            .map(|d| d.resolve(self.today));
        // Which elections hold cases decides the default one; asked only for a `pekan:` term.
        let failed = std::cell::RefCell::new(None);
        let held = || {
            store.elections_with_cases().unwrap_or_else(|e| {
                *failed.borrow_mut() = Some(e);
                Vec::new()
            })
        };
        let parsed = crate::view::parse_on(spec, &reference, self.today, at, &held);
        if let Some(e) = failed.into_inner() {
            return Err(e);
        }
        let mut view = parsed.map_err(|e| view_error(spec, e))?;
        if let Some(parsed) = flag {
            if let (Some(typed), Some(flag)) = (view.as_of, parsed.as_of)
                && typed.resolve(self.today) != flag.resolve(self.today)
            {
                let (flag, typed) = (self.date_named(flag), self.date_named(typed));
                let m = Says::AsOfTwice {
                    flag: &flag,
                    view: &typed,
                };
                return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
            }
            view.as_of = parsed.as_of;
        }
        Ok(view)
    }

    /// What a writer calls while another holds the database: says on standard error that pantau
    /// waits up to `seconds` for it.
    pub fn waiting_for_writer(&self, seconds: u64) -> impl FnMut() + use<> {
        let (path, lang) = (self.db.display().to_string(), self.lang);
        // Written with what the terminal can show (`...` where it has no `…`).
        let glyphs = self.choice().glyphs;
        move || {
            use std::io::Write;
            let text = Says::WaitingForWriter {
                path: &path,
                seconds,
            }
            .text(lang);
            let text = crate::tui::widgets::ascii::text(&text, glyphs);
            let _ = writeln!(std::io::stderr(), "{text}");
        }
    }

    /// Says on standard error what the output would not show about the view's dates: the date
    /// counted at when the view's `per:` set it (`shown`: the output states it itself), and a
    /// `from:` after that date, which no case can match.
    pub fn say_about_dates(&self, view: &View, flag: bool, shown: bool) {
        let as_of = view.as_of_date(self.today);
        if view.as_of.is_some() && !flag && !shown {
            let date = as_of.format("%d/%m/%Y").to_string();
            crate::log::warn(&Says::AsOfFromView { date: &date }.text(self.lang));
        }
        for term in &view.terms {
            if let crate::view::TermKind::From(d) = term.kind
                && !term.negated
                && d.resolve(as_of) > as_of
            {
                let (from, as_of) = (d.to_string(), as_of.to_string());
                let m = Says::FromAfterAsOf {
                    from: &from,
                    as_of: &as_of,
                };
                crate::log::warn(&m.text(self.lang));
            }
        }
    }

    /// A date as typed, with the day it means today when it is relative: `-7d (2024-01-26)`.
    fn date_named(&self, d: crate::view::DateExpr) -> String {
        if d.is_relative() {
            format!("{d} ({})", d.resolve(self.today))
        } else {
            d.to_string()
        }
    }
}

/// A usage error when the value of `option` is one of pantau's own flags (`--view --lang`):
/// values may start with `-` (`--view -minyak`), so a forgotten value would otherwise take the
/// next flag as its own.
fn refuse_a_flag(option: &str, value: &str) -> Result<()> {
    use clap::CommandFactory;
    fn knows(c: &clap::Command, name: &str) -> bool {
        c.get_arguments().any(|a| a.get_long() == Some(name))
            || c.get_subcommands().any(|s| knows(s, name))
    }
    let Some(name) = value.trim().strip_prefix("--") else {
        return Ok(());
    };
    let name = name.split('=').next().unwrap_or(name);
    let mut cli = Cli::command();
    cli.build();
    if knows(&cli, name) {
        let m = Says::FlagAsValue { option, value };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    Ok(())
}

fn quote(s: &str) -> String {
    if s.contains(char::is_whitespace) {
        format!("\"{s}\"")
    } else {
        s.to_string()
    }
}

/// The election a command's `--election` names (a code or a name in either language), else the
/// election in view on `today` among those `store` holds cases of, asked only then (see
/// docs/elections.md, "The election in view"). `Ok(None)`: nothing matches, which the caller
/// says in its own words.
pub(crate) fn chosen_election<'r>(
    store: &Store,
    reference: &'r crate::domain::Reference,
    given: Option<&str>,
    today: NaiveDate,
) -> Result<Option<&'r crate::domain::Election>> {
    Ok(match given {
        Some(text) => reference.find_election(text),
        None => {
            let held = store.elections_with_cases()?;
            crate::view::election_in_view(&View::default(), reference, today, &held)
        }
    })
}

/// A view-spec error as a usage error in both languages, with the spec and a caret under the spot.
pub fn view_error(spec: &str, e: crate::view::ViewError) -> Error {
    let before: String = spec.chars().take(e.position().saturating_sub(1)).collect();
    let caret = format!("\n  {spec}\n  {}^", " ".repeat(crate::text::width(&before)));
    Error::usage(e.message(Lang::Id) + &caret, e.message(Lang::En) + &caret)
}

/// Mistakes of the configuration as a usage error (exit status 2), one per line.
pub fn config_error(errors: &[ConfigError]) -> Error {
    Error::usage(
        crate::config::error::messages(errors, Lang::Id),
        crate::config::error::messages(errors, Lang::En),
    )
}

/// The language error messages are printed in: `--lang`, else the configuration's, else `LANG`.
///
/// As [`Context::new`] chooses it, from the flags and the configuration alone: nothing else of
/// the context (the terminal, the database) is looked at to print a message.
pub fn message_lang(g: &Global) -> Lang {
    if let Some(lang) = g.lang {
        return lang;
    }
    let path = g.config.clone().or_else(crate::config::default_path);
    let config = match (&path, g.ignore_config) {
        (Some(path), false) => Config::load(path, g.config.is_some()).ok(),
        _ => None,
    };
    config
        .and_then(|c| c.language.value)
        .unwrap_or_else(Lang::from_env)
}

/// `~/.local/share/pantau` (or `$XDG_DATA_HOME/pantau`).
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "pantau")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            let m = Says::NoHome;
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })
}

/// Today's date, or `PANTAU_TODAY` (YYYY-MM-DD) for rehearsals and tests.
fn today() -> Result<NaiveDate> {
    use crate::domain::{day_in_range, first_day, last_day};
    match std::env::var("PANTAU_TODAY") {
        Ok(s) if !s.is_empty() => match crate::domain::parse_date(&s) {
            Some(d) if day_in_range(d) => Ok(d),
            Some(_) => {
                let m = Says::TodayRange {
                    s: &s,
                    first: &first_day(),
                    last: &last_day(),
                };
                Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
            }
            None => {
                let m = Says::TodayBad { s: &s };
                Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
            }
        },
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    if let Some((flags, command)) = cli.misplaced() {
        let m = Says::FlagsMeanNothing {
            flags: &flags.join(", "),
            count: flags.len(),
            command,
        };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    // Made from the command line alone: no configuration, no database.
    match &cli.command {
        Some(Command::Completions(a)) => return manual::completions(a),
        Some(Command::Man(a)) => return manual::man(a),
        _ => {}
    }
    let global = cli.global();
    // `doctor` reports a configuration's mistakes instead of stopping at them.
    if let Some(Command::Doctor(a)) = &cli.command {
        return doctor::run(&Context::lenient(&global)?, a);
    }
    let ctx = Context::from_global(&global)?;
    match cli.command {
        None => tui::run(&ctx, &cli.tui, None),
        Some(Command::Present(a)) => tui::run(&ctx, &a.tui.or(&cli.tui), Some(a.cycle)),
        Some(_) if cli.tui.any() => {
            let m = Says::ScreenFlagsFirst;
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
        Some(Command::Init(a)) => init::run(&ctx, &a),
        Some(Command::Demo(a)) => demo::run(&ctx, &a),
        Some(Command::Report(a)) => report::run(&ctx, &a),
        Some(Command::Export(a)) => export::run(&ctx, &a),
        Some(Command::Rekap(a)) => rekap::run(&ctx, &a),
        Some(Command::Batches(a)) => batches::run(&ctx, &a),
        Some(Command::Import(a)) => import::run(&ctx, &a),
        Some(Command::Kegiatan(a)) => kegiatan::run(&ctx, &a),
        Some(Command::Simulate(a)) => simulate::run(&ctx, &a),
        Some(Command::Limpah(a)) => limpah::run(&ctx, &a),
        Some(Command::Backup(a)) => backup::run(&ctx, &a),
        Some(Command::Check(_)) => check::run(&ctx),
        Some(Command::Config(a)) => config::run(&ctx, &a),
        Some(Command::Doctor(a)) => doctor::run(&ctx, &a),
        Some(Command::Completions(_) | Command::Man(_)) => Ok(()),
    }
}

/// A flag that Ctrl-C (SIGINT), SIGTERM or a hang-up (SIGHUP: the SSH connection dropped) raises
/// instead of ending the process, for a long command to stop at a point where nothing is half
/// written and no temporary file is left.
fn stop_on_signals() -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, std::sync::Arc::clone(&flag)).map_err(|e| {
            let m = crate::i18n::commands::Command::Signals { error: &e };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })?;
    }
    Ok(flag)
}

/// "cancelled; nothing was written": a write stopped by Ctrl-C before it committed.
fn cancelled() -> Error {
    let m = crate::i18n::commands::Command::ImportCancelled;
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// The file an output goes to: none for standard output (no `-o`, or `-o -`, as `-` is standard
/// input to `import`).
fn output_file(output: Option<&std::path::Path>) -> Option<&std::path::Path> {
    // `/dev/stdout` is a link (to `/proc/self/fd/1`), which pantau never writes through: it
    // means what `-` means.
    output.filter(|p| *p != std::path::Path::new("-") && *p != std::path::Path::new("/dev/stdout"))
}

/// Writes `buf` to standard output.
fn to_stdout(buf: &[u8]) -> Result<()> {
    use std::io::Write;
    std::io::stdout()
        .write_all(buf)
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })
}
