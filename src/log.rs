//! Where errors and warnings go: during an interactive session to a log file in the user's state
//! folder (`~/.local/state/pantau/pantau.log`), never over the screen; otherwise to standard error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// How serious a logged message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Warning => "WARNING",
            Level::Error => "ERROR",
        }
    }
}

/// A log file is started afresh (the old one kept as `.1`) once it passes this size.
const ROTATE_BYTES: u64 = 1 << 20;

/// The file of the running session and what became of its messages.
#[derive(Debug)]
struct Sink {
    path: PathBuf,
    written: usize,
    /// The first failure to write the file, said once the screen is gone.
    failure: Option<String>,
}

/// What a session logged, for the line printed after the screen is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub path: PathBuf,
    pub written: usize,
    pub failure: Option<String>,
}

static SESSION: Mutex<Option<Sink>> = Mutex::new(None);

/// The language of the messages logged from below the commands (which know no language of their
/// own): the one the command line chose, set once it is known; English until then.
static LANGUAGE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language of what is logged from here on.
pub fn set_lang(lang: crate::i18n::Lang) {
    LANGUAGE.store(
        lang == crate::i18n::Lang::Id,
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// The language of what is logged (see [`set_lang`]).
pub fn lang() -> crate::i18n::Lang {
    if LANGUAGE.load(std::sync::atomic::Ordering::Relaxed) {
        crate::i18n::Lang::Id
    } else {
        crate::i18n::Lang::En
    }
}

fn session() -> MutexGuard<'static, Option<Sink>> {
    SESSION
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `$XDG_STATE_HOME/pantau/pantau.log` (`~/.local/state/pantau/pantau.log`).
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let dir = dirs.state_dir().map(Path::to_path_buf).or_else(|| {
        directories::BaseDirs::new().map(|b| b.home_dir().join(".local/state/pantau"))
    })?;
    Some(dir.join("pantau.log"))
}

/// From now until [`end_session`], errors and warnings go to the file at `path` (its folder is
/// made when the first message comes). A file grown past 1 MiB is kept as `pantau.log.1`.
pub fn start_session(path: PathBuf) {
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > ROTATE_BYTES) {
        let _ = std::fs::rename(&path, crate::fs_safe::sidecar(&path, ".1"));
    }
    *session() = Some(Sink {
        path,
        written: 0,
        failure: None,
    });
}

/// Ends the session's logging; what it logged, if it logged anything (or failed to).
pub fn end_session() -> Option<Summary> {
    let sink = session().take()?;
    (sink.written > 0 || sink.failure.is_some()).then_some(Summary {
        path: sink.path,
        written: sink.written,
        failure: sink.failure,
    })
}

/// Logs a warning: to the session's file, or to standard error outside a session.
pub fn warn(text: &str) {
    log(Level::Warning, text);
}

/// Logs an error: to the session's file, or to standard error outside a session.
pub fn error(text: &str) {
    log(Level::Error, text);
}

/// Logs `text` at `level`.
pub fn log(level: Level, text: &str) {
    let mut guard = session();
    let Some(sink) = guard.as_mut() else {
        drop(guard);
        // A terminal gone (an SSH connection dropped) is no reason to fail again.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "pantau: {}",
            crate::text::safe_lines(text)
        );
        return;
    };
    let line = format!(
        "{} [{}] {} {}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
        std::process::id(),
        level.word(),
        crate::text::safe(text)
    );
    match append(&sink.path, &line) {
        Ok(()) => sink.written += 1,
        Err(e) => {
            if sink.failure.is_none() {
                sink.failure = Some(format!("{}: {e}", sink.path.display()));
            }
        }
    }
}

/// Appends one line to the file, making it (readable by its owner only) and its folder (the
/// user's own) if needed; never through a symbolic link.
fn append(path: &Path, line: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fs_safe::private_dir(dir).map_err(std::io::Error::other)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(crate::fs_safe::PRIVATE)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)?.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_writes_the_file_and_says_so_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/pantau/pantau.log");
        start_session(path.clone());
        warn("satu");
        error("dua \x1b]0;owned\x07");
        let summary = end_session().unwrap();
        assert_eq!(summary.written, 2);
        assert_eq!(summary.path, path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(" WARNING satu\n"), "{text}");
        assert!(text.contains(" ERROR dua ␛]0;owned␇\n"), "{text}");
        assert_eq!(end_session(), None, "the session is over");
        start_session(path);
        assert_eq!(end_session(), None, "nothing logged, nothing to say");
    }
}
