//! A mistake in a configuration file: which file, line, column and key, what was expected and
//! what was found, in both languages, with the way out. Builds messages only.

use std::path::PathBuf;

use crate::fsread::{Limit, ReadError, Refusal};
use crate::i18n::Lang;
use crate::i18n::core::{Core, Expected};
use crate::i18n::os::os_error;

/// What is wrong at one place of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read: the system's reason in Indonesian and English.
    Read { id: String, en: String },
    /// The file is not read: not a regular file, or too large.
    Refused(Refused),
    /// It is not TOML (the parser's words).
    Syntax(String),
    /// A key pantau does not know, with the nearest known one.
    Unknown {
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// A value of the wrong kind: what was expected and what was found.
    Expected { expected: Expected, found: String },
    /// One key bound to two commands where only one can win.
    Conflict {
        key: String,
        first: String,
        second: String,
    },
}

/// Why a configuration file was not read: what the file reader refused, kept so that it can be
/// said in either language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// It is not a regular file; what it is instead.
    NotRegular { en: &'static str, id: &'static str },
    /// It holds more than the limit.
    TooBig(Limit),
}

/// A mistake in a configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based; 0 when the mistake is the whole file.
    pub line: usize,
    pub column: usize,
    /// The key as a dotted path (`keys.cases.sort-next`), empty for the whole file.
    pub key: String,
    pub problem: Problem,
}

impl Problem {
    /// The file cannot be read or written, for the system's reason `e`.
    pub fn read(e: &std::io::Error) -> Problem {
        Problem::Read {
            id: os_error(e, Lang::Id),
            en: os_error(e, Lang::En),
        }
    }

    /// The problem of a configuration file that was not read.
    pub fn of_read(e: &crate::fsread::ReadError) -> Problem {
        match &e.refusal {
            Refusal::Io(source) => Problem::read(source),
            Refusal::NotRegular { en, id } => Problem::Refused(Refused::NotRegular { en, id }),
            Refusal::TooBig(limit) => Problem::Refused(Refused::TooBig(*limit)),
        }
    }
}

impl ConfigError {
    /// The message: `FILE:LINE:COLUMN: KEY: what is wrong; the way out`.
    pub fn message(&self, lang: Lang) -> String {
        let place = if self.line == 0 {
            format!("{}", self.file.display())
        } else {
            format!("{}:{}:{}", self.file.display(), self.line, self.column)
        };
        let key = if self.key.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.key)
        };
        let what = match &self.problem {
            Problem::Read { id, en } => {
                let why = match lang {
                    Lang::Id => id,
                    Lang::En => en,
                };
                Core::ConfigRead { why }.text(lang)
            }
            Problem::Refused(r) => {
                let refusal = match *r {
                    Refused::NotRegular { en, id } => Refusal::NotRegular { en, id },
                    Refused::TooBig(limit) => Refusal::TooBig(limit),
                };
                let file = self.file.clone();
                ReadError {
                    path: file,
                    refusal,
                }
                .reason(lang)
            }
            Problem::Syntax(e) => Core::ConfigSyntax { why: e }.text(lang),
            Problem::Unknown { known, suggestion } => Core::ConfigUnknownKey {
                known: known.join(", "),
                suggestion: suggestion.as_deref(),
            }
            .text(lang),
            Problem::Expected { expected, found } => {
                Core::ConfigExpected { expected, found }.text(lang)
            }
            Problem::Conflict { key, first, second } => {
                Core::ConfigConflict { key, first, second }.text(lang)
            }
        };
        let way_out = Core::ConfigWayOut.text(lang);
        format!("{place}: {key}{what}; {way_out}")
    }
}

/// Several mistakes, one per line.
pub fn messages(errors: &[ConfigError], lang: Lang) -> String {
    errors
        .iter()
        .map(|e| e.message(lang))
        .collect::<Vec<_>>()
        .join("\n")
}
