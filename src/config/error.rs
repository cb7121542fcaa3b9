//! A mistake in a configuration file: which file, line, column and key, what was expected and
//! what was found, in both languages, with the way out. Builds messages only.

use std::path::PathBuf;

use crate::i18n::Lang;

/// What is wrong at one place of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read.
    Read(String),
    /// The file is not read: not a regular file, or too large (Indonesian, English).
    Refused { id: String, en: String },
    /// It is not TOML (the parser's words).
    Syntax(String),
    /// A key pantau does not know, with the nearest known one.
    Unknown {
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// A value of the wrong kind: what was expected (Indonesian, English) and what was found.
    Expected {
        id: String,
        en: String,
        found: String,
    },
    /// One key bound to two commands where only one can win.
    Conflict {
        key: String,
        first: String,
        second: String,
    },
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
    /// The problem of a configuration file that was not read.
    pub fn of_read(e: &crate::fsread::ReadError) -> Problem {
        match &e.refusal {
            crate::fsread::Refusal::Io(source) => Problem::Read(source.to_string()),
            _ => Problem::Refused {
                id: e.reason(Lang::Id),
                en: e.reason(Lang::En),
            },
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
        let what = match (&self.problem, lang) {
            (Problem::Read(e), Lang::En) => format!("cannot be read: {e}"),
            (Problem::Read(e), Lang::Id) => format!("tidak dapat dibaca: {e}"),
            (Problem::Refused { en, .. }, Lang::En) => en.clone(),
            (Problem::Refused { id, .. }, Lang::Id) => id.clone(),
            (Problem::Syntax(e), Lang::En) => format!("not valid TOML: {e}"),
            (Problem::Syntax(e), Lang::Id) => format!("bukan TOML yang sah: {e}"),
            (Problem::Unknown { known, suggestion }, lang) => {
                let near = suggestion
                    .as_ref()
                    .map(|s| format!("{} {s:?}? ", lang.pick("maksudnya", "did you mean")))
                    .unwrap_or_default();
                format!(
                    "{}; {near}{}: {}",
                    lang.pick("kunci tidak dikenal", "unknown key"),
                    lang.pick("yang dikenal", "known keys"),
                    known.join(", ")
                )
            }
            (Problem::Expected { id, en, found }, lang) => format!(
                "{} {}, {} {found}",
                lang.pick("diharapkan", "expected"),
                lang.pick(id, en),
                lang.pick("bukan", "found")
            ),
            (Problem::Conflict { key, first, second }, Lang::En) => format!(
                "key {key} is bound to both {first} and {second}; give one of them another key"
            ),
            (Problem::Conflict { key, first, second }, Lang::Id) => format!(
                "tombol {key} terikat pada {first} dan juga {second}; beri salah satunya tombol lain"
            ),
        };
        let way_out = lang.pick(
            "perbaiki berkas itu, atau mulai dengan pengaturan bawaan saja: pantau --ignore-config",
            "correct the file, or start with the defaults only: pantau --ignore-config",
        );
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
