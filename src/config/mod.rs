//! pantau's configuration: the file (`~/.config/pantau/config.toml`, `--config`), its defaults
//! embedded from assets/config.toml, every value with where it came from. Reads; never global state.

pub mod error;
pub mod letterhead;
pub mod save;
pub mod saved;
pub mod theme;

use std::path::{Path, PathBuf};

use toml_edit::{Document, Item, Table, Value};

pub use letterhead::{LETTERHEAD_KEYS, Letterhead};
pub use saved::{Prefs, SavedView, valid_name};
pub use theme::ThemeName;

use crate::domain::DayCount;
use crate::i18n::{
    Lang,
    core::{Core, Expected},
};
use crate::tui::action::Command;
use crate::tui::bindings::{Keymap, Origin, Remap, key_name, parse_key};
use crate::tui::keymap::Mode;
pub use error::{ConfigError, Problem};

/// The defaults, as documented in the file a new configuration starts from.
pub const DEFAULTS: &str = include_str!("../../assets/config.toml");

/// The keys of the top level, in the order `config --print` shows them.
pub const KEYS: [&str; 10] = [
    "database",
    "language",
    "theme",
    "refresh_ms",
    "deadline_days",
    "ascii",
    "reports_dir",
    "letterhead",
    "views",
    "keys",
];

/// How often the screen asks the database for changes, in milliseconds: at least twice a second.
pub const REFRESH_MS: std::ops::RangeInclusive<u64> = 50..=500;

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// pantau's default (assets/config.toml).
    Default,
    /// A line of a configuration file.
    File { path: PathBuf, line: usize },
    /// An environment variable.
    Env(&'static str),
    /// A command-line flag.
    Flag(&'static str),
}

impl Source {
    /// How `config --print` says it.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Source::Default => Core::ConfigDefault.text(lang),
            Source::File { path, line } => format!("{}:{line}", path.display()),
            Source::Env(v) => format!("${v}"),
            Source::Flag(f) => f.to_string(),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            source: Source::Default,
        }
    }

    /// Replaces the value, recording where the new one came from.
    pub fn set(&mut self, value: T, source: Source) {
        self.value = value;
        self.source = source;
    }
}

/// The whole configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The file read, if one was.
    pub file: Option<PathBuf>,
    /// The database; `None` for `$PANTAU_DB` or the data folder's `pantau.db`.
    pub database: Setting<Option<PathBuf>>,
    /// The language; `None` to follow `LANG`.
    pub language: Setting<Option<Lang>>,
    pub theme: Setting<ThemeName>,
    pub refresh_ms: Setting<u64>,
    pub deadline_days: Setting<DayCount>,
    pub ascii: Setting<bool>,
    /// The folder the interactive screen writes reports into; `None` for the documents folder's
    /// `pantau` (see [`Config::reports_folder`]).
    pub reports_dir: Setting<Option<PathBuf>>,
    /// The head of a printed report.
    pub letterhead: Letterhead,
    /// Saved views in the file's order, each with its line.
    pub views: Vec<(SavedView, Source)>,
    /// Key remaps, each with its line.
    pub keys: Vec<Remap>,
}

impl Config {
    /// The defaults of assets/config.toml (a test keeps that file parsing to these values).
    ///
    /// Built once per process (the context is made more than once: for the language of messages,
    /// then for the command).
    pub fn defaults() -> Config {
        static BUILT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
        BUILT.get_or_init(Config::build_defaults).clone()
    }

    fn build_defaults() -> Config {
        let mut config = Config {
            file: None,
            database: Setting::default(None),
            language: Setting::default(None),
            theme: Setting::default(ThemeName::Dark),
            refresh_ms: Setting::default(250),
            deadline_days: Setting::default(DayCount::Calendar),
            ascii: Setting::default(false),
            reports_dir: Setting::default(None),
            letterhead: Letterhead::default(),
            views: Vec::new(),
            keys: Vec::new(),
        };
        // The embedded file sets the same values; it is parsed so that its views and keys count.
        let _ = config.apply(DEFAULTS, Path::new("assets/config.toml"), true);
        config
    }

    /// The defaults with the file at `path` over them; a missing file is no error unless
    /// `required` (it was named with `--config`).
    pub fn load(path: &Path, required: bool) -> Result<Config, Vec<ConfigError>> {
        let mut config = Config::defaults();
        let text = match crate::fsread::read_to_string(path, crate::fsread::CONFIG) {
            Ok(t) => t,
            Err(e) if e.is_not_found() && !required => return Ok(config),
            Err(e) => {
                return Err(vec![ConfigError {
                    file: path.to_path_buf(),
                    line: 0,
                    column: 0,
                    key: String::new(),
                    problem: Problem::of_read(&e),
                }]);
            }
        };
        config.file = Some(path.to_path_buf());
        config.apply(&text, path, false)?;
        Ok(config)
    }

    /// The keymap these remaps give, or the mistakes: a command the mode does not have, and
    /// every key bound twice (both bindings named).
    pub fn keymap(&self) -> Result<Keymap, Vec<ConfigError>> {
        let file = self.file.clone().unwrap_or_default();
        let map = Keymap::with(&self.keys).map_err(|(r, modes)| {
            let modes: Vec<&str> = modes.iter().map(|m| m.name()).collect();
            vec![ConfigError {
                file: file.clone(),
                line: r.line,
                column: 1,
                key: format!("keys.{}.{}", r.mode.name(), r.command.name()),
                problem: Problem::Expected {
                    expected: Expected::ModeCommand {
                        mode: r.mode.name().to_string(),
                    },
                    found: format!("{} (keys.{}.*)", r.command.name(), modes.join(", keys.")),
                },
            }]
        })?;
        let name = |(mode, command, origin): &(Mode, Command, Origin)| {
            let at = match origin {
                Origin::Default => "default".to_string(),
                Origin::Config { line } => format!("line {line}"),
            };
            format!("{} in [keys.{}] ({at})", command.name(), mode.name())
        };
        let errors: Vec<ConfigError> = map
            .conflicts()
            .iter()
            .map(|c| {
                let (mode, command, origin) = match (&c.first.2, &c.second.2) {
                    (Origin::Config { .. }, _) => &c.first,
                    _ => &c.second,
                };
                let line = match origin {
                    Origin::Config { line } => *line,
                    Origin::Default => 0,
                };
                ConfigError {
                    file: file.clone(),
                    line,
                    column: 1,
                    key: format!("keys.{}.{}", mode.name(), command.name()),
                    problem: Problem::Conflict {
                        key: key_name(c.key),
                        first: name(&c.first),
                        second: name(&c.second),
                    },
                }
            })
            .collect();
        if errors.is_empty() {
            Ok(map)
        } else {
            Err(errors)
        }
    }

    /// Sets what `text` (the file at `path`) says over the current values.
    fn apply(&mut self, text: &str, path: &Path, default: bool) -> Result<(), Vec<ConfigError>> {
        let doc = Document::parse(text.to_string()).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            vec![ConfigError {
                file: path.to_path_buf(),
                line,
                column,
                key: String::new(),
                problem: Problem::Syntax(first_line(e.message())),
            }]
        })?;
        let mut p = Parser {
            text,
            lines: LineStarts::of(text),
            path,
            default,
            errors: Vec::new(),
        };
        p.top(doc.as_table(), self);
        if p.errors.is_empty() {
            Ok(())
        } else {
            Err(p.errors)
        }
    }
}

/// The configuration file: `--config`, else `$XDG_CONFIG_HOME/pantau/config.toml`
/// (`~/.config/pantau/config.toml`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pantau").map(|d| d.config_dir().join("config.toml"))
}

/// The 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

/// Where each line of a text starts, so that the line of every value is found by a binary search
/// (counting newlines from the start for each of 40,000 views was quadratic).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> LineStarts {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts(starts)
    }

    /// The 1-based line and column of byte `offset` in `text` (the text these starts are of).
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.0.partition_point(|&s| s <= offset).max(1);
        let start = self.0[line - 1];
        let column = text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

/// Reads the parsed document into a `Config`, collecting every mistake.
struct Parser<'a> {
    text: &'a str,
    lines: LineStarts,
    path: &'a Path,
    default: bool,
    errors: Vec<ConfigError>,
}

impl Parser<'_> {
    fn at(&self, span: Option<std::ops::Range<usize>>) -> (usize, usize) {
        span.map_or((0, 0), |s| self.lines.line_col(self.text, s.start))
    }

    fn source(&self, line: usize) -> Source {
        if self.default {
            Source::Default
        } else {
            Source::File {
                path: self.path.to_path_buf(),
                line,
            }
        }
    }

    fn push(&mut self, span: Option<std::ops::Range<usize>>, key: String, problem: Problem) {
        let (line, column) = self.at(span);
        self.errors.push(ConfigError {
            file: self.path.to_path_buf(),
            line,
            column,
            key,
            problem,
        });
    }

    fn expected(&mut self, item: &Item, key: &str, expected: Expected) {
        let found = match item {
            Item::Value(v) => v.to_string().trim().to_string(),
            Item::Table(_) => "[table]".into(),
            _ => "?".into(),
        };
        self.push(
            item.span(),
            key.to_string(),
            Problem::Expected { expected, found },
        );
    }

    fn unknown(&mut self, table: &Table, key: &str, path: String, known: &[&str]) {
        let suggestion = known
            .iter()
            .map(|k| (strsim::jaro_winkler(k, key), *k))
            .filter(|(s, _)| *s > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.to_string());
        self.push(
            table.key(key).and_then(|k| k.span()),
            path,
            Problem::Unknown {
                known: known.iter().map(|k| k.to_string()).collect(),
                suggestion,
            },
        );
    }

    fn top(&mut self, table: &Table, c: &mut Config) {
        for (key, item) in table.iter() {
            let line = self.at(item.span()).0;
            let source = self.source(line);
            let text = item.as_str();
            match key {
                "database" => match text {
                    Some("") => c.database.set(None, source),
                    Some(t) => c.database.set(Some(expand_home(t)), source),
                    None => self.expected(item, key, Expected::PathText),
                },
                "language" => match text {
                    Some("") => c.language.set(None, source),
                    Some("id") => c.language.set(Some(Lang::Id), source),
                    Some("en") => c.language.set(Some(Lang::En), source),
                    _ => self.expected(item, key, Expected::Language),
                },
                "theme" => match text.and_then(ThemeName::from_name) {
                    Some(t) => c.theme.set(t, source),
                    // The terminal decides: as if the file did not set it.
                    None if text == Some("auto") => c.theme = Setting::default(ThemeName::Dark),
                    None => {
                        let names = ThemeName::ALL.map(|t| t.name()).join(", ") + ", auto";
                        self.expected(item, key, Expected::OneOf { names })
                    }
                },
                "refresh_ms" => match item.as_integer().and_then(|n| u64::try_from(n).ok()) {
                    Some(n) if REFRESH_MS.contains(&n) => c.refresh_ms.set(n, source),
                    _ => self.expected(item, key, Expected::RefreshMs),
                },
                "deadline_days" => match text {
                    Some("calendar") => c.deadline_days.set(DayCount::Calendar, source),
                    Some("working") => c.deadline_days.set(DayCount::Working, source),
                    _ => self.expected(item, key, Expected::DeadlineDays),
                },
                "ascii" => match item.as_bool() {
                    Some(b) => c.ascii.set(b, source),
                    None if text == Some("auto") => c.ascii = Setting::default(false),
                    None => self.expected(item, key, Expected::Bool),
                },
                "reports_dir" => self.reports_dir(item, c),
                "letterhead" => match item.as_table() {
                    Some(t) => self.letterhead(t, c),
                    None => self.expected(item, key, Expected::LetterheadTable),
                },
                "views" => match item.as_table() {
                    Some(t) => self.views(t, c),
                    None => self.expected(item, key, Expected::ViewsTable),
                },
                "keys" => match item.as_table() {
                    Some(t) => self.keys(t, c),
                    None => self.expected(item, key, Expected::KeysTables),
                },
                _ => self.unknown(table, key, key.to_string(), &KEYS),
            }
        }
    }

    fn views(&mut self, table: &Table, c: &mut Config) {
        let mut defaults = c.views.len();
        for (name, value) in table.iter() {
            let key = format!("views.{name}");
            if !valid_name(name) {
                self.push(
                    table.key(name).and_then(|k| k.span()),
                    key,
                    Problem::Expected {
                        expected: Expected::ViewName,
                        found: format!("{name:?}"),
                    },
                );
                continue;
            }
            match value.as_str() {
                Some(spec) => {
                    let line = self.at(value.span()).0;
                    let view = SavedView {
                        name: name.to_string(),
                        spec: spec.to_string(),
                    };
                    // A view of the file replaces the default of the same name; a TOML table
                    // cannot hold a name twice, so only the defaults need looking at.
                    if let Some(i) = c.views[..defaults].iter().position(|(v, _)| v.name == name) {
                        c.views.remove(i);
                        defaults -= 1;
                    }
                    c.views.push((view, self.source(line)));
                }
                // `NAME = false` takes one of pantau's own views out (what deleting it in the
                // list of saved views writes).
                None if value.as_bool() == Some(false) => {
                    if let Some(i) = c.views[..defaults].iter().position(|(v, _)| v.name == name) {
                        c.views.remove(i);
                        defaults -= 1;
                    }
                }
                None => self.expected(value, &key, Expected::ViewText),
            }
        }
    }

    fn keys(&mut self, table: &Table, c: &mut Config) {
        let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
        for (mode_name, item) in table.iter() {
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
                self.unknown(table, mode_name, format!("keys.{mode_name}"), &modes);
                continue;
            };
            let Some(commands) = item.as_table() else {
                self.expected(item, &format!("keys.{mode_name}"), Expected::KeysTable);
                continue;
            };
            let names = command_names(mode);
            for (name, value) in commands.iter() {
                let key = format!("keys.{mode_name}.{name}");
                let Some(command) = command_of(name) else {
                    self.unknown(commands, name, key, &names);
                    continue;
                };
                let texts: Option<Vec<&str>> = match value.as_value() {
                    Some(Value::String(s)) => Some(vec![s.value().as_str()]),
                    Some(Value::Array(a)) => a.iter().map(|v| v.as_str()).collect(),
                    _ => None,
                };
                let keys: Option<Vec<_>> = texts
                    .filter(|t| !t.is_empty())
                    .and_then(|t| t.into_iter().map(parse_key).collect());
                match keys {
                    Some(keys) => c.keys.push(Remap {
                        mode,
                        command,
                        keys,
                        line: self.at(value.span()).0,
                    }),
                    None => self.expected(value, &key, Expected::KeyList),
                }
            }
        }
    }
}

/// The command of a name, among those of the keymap table.
pub fn command_of(name: &str) -> Option<Command> {
    crate::tui::keymap::bindings()
        .map(|b| b.command)
        .find(|c| c.name() == name)
}

/// The names of the commands bound in `mode`.
pub fn command_names(mode: Mode) -> Vec<&'static str> {
    let mut names: Vec<&str> = crate::tui::keymap::bindings()
        .filter(|b| b.mode == mode)
        .map(|b| b.command.name())
        .collect();
    names.dedup();
    names
}

/// A leading `~/` as the home folder.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(b)) => b.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests;
