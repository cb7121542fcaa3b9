//! pantau's error type: every failure a user can meet, with the path or value it concerns,
//! its message in both languages (the catalogue's, `i18n::failure`) and the exit status it maps to.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::core::Core;
use crate::i18n::failure::Failure;

/// Something a user should know that does not stop the command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Every user of the computer may write to the database file.
    WorldWritable { path: PathBuf },
    /// Every user of the computer may replace or delete the database in its folder.
    WorldWritableFolder { path: PathBuf, dir: PathBuf },
}

impl Warning {
    /// The warning in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::WorldWritable { path } => Failure::WorldWritable { path }.text(lang),
            Warning::WorldWritableFolder { path, dir } => {
                Failure::WorldWritableFolder { path, dir }.text(lang)
            }
        }
    }
}

/// The result of pantau's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, each naming what it concerns and the way out. Its words are in
/// the catalogue (`i18n::failure`); `Display` gives the English ones.
#[derive(Debug)]
pub enum Error {
    Missing {
        path: PathBuf,
    },
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    NotSqlite {
        path: PathBuf,
    },
    Foreign {
        path: PathBuf,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// `why` is `--read-only` when the user asked for it; anything else means no write permission.
    ReadOnly {
        path: PathBuf,
        why: String,
        command: String,
    },
    FolderReadOnly {
        path: PathBuf,
        dir: PathBuf,
    },
    Empty {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    DiskFull {
        path: PathBuf,
    },
    Locked {
        path: PathBuf,
        seconds: u64,
    },
    Exists {
        path: PathBuf,
    },
    ReferenceChanged {
        path: PathBuf,
    },
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Reference(ReferenceError),
    /// A mistake in what the user typed (a view spec, a date, an argument): exit status 2.
    Usage {
        message: String,
        message_id: String,
    },
    /// A runtime failure (exit status 1) with its text in both languages.
    Failed {
        message: String,
        message_id: String,
    },
}

impl Error {
    /// A usage error with its text in both languages.
    pub fn usage(id: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Usage {
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// A runtime failure (exit status 1) with its text in both languages.
    pub fn failed(id: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Failed {
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// The exit status: 2 for a usage error, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => 2,
            _ => 1,
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let m = match self {
            Error::Missing { path } => Failure::Missing { path },
            Error::CreateDir { path, source } => Failure::CreateDir { path, source },
            Error::NotSqlite { path } => Failure::NotSqlite { path },
            Error::Foreign { path } => Failure::Foreign { path },
            Error::TooNew { path, found, known } => Failure::TooNew {
                path,
                found: *found,
                known: *known,
            },
            Error::NeedsUpgrade { path, found, known } => Failure::NeedsUpgrade {
                path,
                found: *found,
                known: *known,
            },
            Error::ReadOnly { path, why, command } => Failure::ReadOnly {
                path,
                flag: why == "--read-only",
                command,
            },
            Error::FolderReadOnly { path, dir } => Failure::FolderReadOnly { path, dir },
            Error::Empty { path } => Failure::Empty { path },
            Error::Corrupt { path, detail } => Failure::Corrupt { path, detail },
            Error::DiskFull { path } => Failure::DiskFull { path },
            Error::Locked { path, seconds } => Failure::Locked {
                path,
                seconds: *seconds,
            },
            Error::Exists { path } => Failure::Exists { path },
            Error::ReferenceChanged { path } => Failure::ReferenceChanged { path },
            Error::Sqlite { path, source } => Failure::Sqlite { path, source },
            Error::Io { path, source } => Failure::Io { path, source },
            Error::Reference(e) => return e.message(lang),
            Error::Usage {
                message,
                message_id,
            }
            | Error::Failed {
                message,
                message_id,
            } => {
                return match lang {
                    Lang::Id => message_id.clone(),
                    Lang::En => message.clone(),
                };
            }
        };
        m.text(lang)
    }
}

impl std::fmt::Display for Error {
    /// The English message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::CreateDir { source, .. } | Error::Io { source, .. } => Some(source),
            Error::Sqlite { source, .. } => Some(source),
            Error::Reference(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ReferenceError> for Error {
    fn from(e: ReferenceError) -> Error {
        Error::Reference(e)
    }
}

impl Error {
    /// Whether this is the reader of standard output having gone away (`pantau report | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Ends pantau the way a Unix tool ends when the reader of its output has gone away: quietly,
/// killed by SIGPIPE (shells show status 141), or with that status should the signal not end it.
pub fn end_on_broken_pipe() -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGPIPE);
    std::process::exit(128 + signal_hook::consts::SIGPIPE)
}

/// Whether a panic's message is the standard library's "failed printing to stdout: Broken pipe":
/// `print!` to a pipe whose reader has gone away.
fn is_broken_pipe_panic(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let payload = info.payload();
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    text.starts_with("failed printing to std") && text.contains("Broken pipe")
}

/// The error behind a panic of `print!` that could not write standard output for a reason other
/// than a closed pipe (a full disk, `> /dev/full`): "failed printing to stdout: … (os error 28)".
fn stdout_failure(info: &std::panic::PanicHookInfo<'_>) -> Option<std::io::Error> {
    let payload = info.payload();
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())?;
    let rest = text.strip_prefix("failed printing to stdout: ")?;
    let code = rest
        .rsplit_once("(os error ")
        .and_then(|(_, n)| n.trim_end_matches(')').parse::<i32>().ok());
    Some(match code {
        Some(n) => std::io::Error::from_raw_os_error(n),
        None => std::io::Error::other(rest.to_string()),
    })
}

/// Replaces Rust's panic message: output to a closed pipe ends quietly (see
/// [`end_on_broken_pipe`]); any other panic prints one line in the user's language saying that
/// it is a bug and that nothing was changed, with Rust's own message and backtrace only when
/// `RUST_BACKTRACE` is set. The interactive screen chains its own hook (which restores the
/// terminal first) in front of this one.
pub fn install_panic_hook(lang: Lang) {
    let rust_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_broken_pipe_panic(info) {
            end_on_broken_pipe();
        }
        // Not a bug: the output's destination refused it. Say why, in the user's language.
        if let Some(e) = stdout_failure(info) {
            let reason = crate::i18n::os::os_error(&e, lang);
            eprintln!(
                "pantau: {}",
                Failure::StdoutWrite { reason: &reason }.text(lang)
            );
            std::process::exit(1);
        }
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            rust_hook(info);
        }
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("pantau: {}{place}", Failure::Bug.text(lang));
    }));
}

impl From<crate::fsread::ReadError> for Error {
    /// A refused file is a usage error (exit status 2); a failure of the system stays one.
    fn from(e: crate::fsread::ReadError) -> Error {
        match e.refusal {
            crate::fsread::Refusal::Io(source) => Error::Io {
                path: e.path,
                source,
            },
            _ => Error::usage(e.message(Lang::Id), e.message(Lang::En)),
        }
    }
}

/// An error in a reference file (regions, stages, holidays, map tiles), naming the file and line.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct ReferenceError {
    pub file: String,
    pub line: u64,
    /// What is wrong, in English.
    pub message: String,
    /// What is wrong, in Bahasa Indonesia.
    pub message_id: String,
}

impl ReferenceError {
    /// The error of `file` at `line` (0: the whole file) that `m` says.
    pub fn new(file: impl Into<String>, line: u64, m: &Core<'_>) -> ReferenceError {
        ReferenceError {
            file: file.into(),
            line,
            message: m.text(Lang::En),
            message_id: m.text(Lang::Id),
        }
    }

    /// The message in the user's language: `FILE:LINE: what is wrong`, or `FILE: what is wrong`
    /// when the error is of the whole file (line 0: a file missing, a row listed twice).
    pub fn message(&self, lang: Lang) -> String {
        let what = match lang {
            Lang::Id => &self.message_id,
            Lang::En => &self.message,
        };
        if self.line == 0 {
            format!("{}: {what}", self.file)
        } else {
            format!("{}:{}: {what}", self.file, self.line)
        }
    }
}
