//! `pantau backup DEST`: a consistent copy through SQLite's online backup, made while others read
//! and write, checked, and moved into place only when complete. It never writes to the source.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cli::BackupArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::fs_safe::Temp;
use crate::i18n::commands::Command;
use crate::i18n::{Lang, Msg, tr};
use crate::store::files::sidecar;
use crate::store::{Mode, Store};

/// Databases above this many pages get a progress bar (on a terminal).
const BAR_PAGES: i64 = 4096;

/// A finished copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub dest: PathBuf,
    /// Cases in the copy (as many as in the source when the copy began).
    pub cases: i64,
    pub bytes: u64,
}

/// Runs `pantau backup`.
pub fn run(ctx: &Context, args: &BackupArgs) -> Result<()> {
    let lang = ctx.lang;
    let cancel = super::stop_on_signals()?;
    let store = ctx
        .open_for_reading_stoppable(&cancel)?
        .ok_or_else(cancelled)?;
    let bar = crate::progress::bar(
        Some(0),
        &Command::BackupCopying.text(lang),
        crate::progress::Unit::Items,
        ctx.progress_style(),
    );
    let copied = copy(
        &store,
        &args.dest,
        args.force,
        args.mode,
        &cancel,
        &|done, total| {
            if total > BAR_PAGES {
                bar.set_length(u64::try_from(total).unwrap_or(0));
                bar.set_position(u64::try_from(done).unwrap_or(0));
            }
        },
    );
    bar.finish_and_clear();
    let copied = copied?;
    println!(
        "{}: {} ({}, {} MiB, {})",
        tr(lang, Msg::BackupWritten),
        crate::text::safe(&copied.dest.display().to_string()),
        crate::i18n::cases(lang, copied.cases),
        crate::i18n::decimal(lang, copied.bytes as f64 / (1024.0 * 1024.0)),
        Command::BackupChecked.text(lang),
    );
    Ok(())
}

/// Copies the database of `store` to `dest` through a temporary file beside it, all from one
/// snapshot of the source (a read transaction held from first page to last, so writers go on and
/// the copy never restarts). The copy is checked (pantau's identity, `quick_check`, the number of
/// cases) and renamed over `dest` only then; on any failure or when `cancel` is set, nothing is
/// left behind (and what a killed run left, pantau's next run in that folder removes). The copy
/// gets `mode` (0600 unless `--mode`). `dest` is replaced only with `force`, only if it is a pantau
/// database, and never through a link.
pub fn copy(
    store: &Store,
    dest: &Path,
    force: bool,
    mode: u32,
    cancel: &Arc<AtomicBool>,
    progress: &dyn Fn(i64, i64),
) -> Result<Copied> {
    crate::fs_safe::check_writable(dest, crate::fs_safe::Replace::Yes).or_else(|e| match e {
        Error::Failed { .. } if dest.is_dir() => Ok(()),
        e => Err(e),
    })?;
    refuse_unsafe_dest(store, dest, force)?;
    let tmp = Temp::beside(dest, crate::fs_safe::PRIVATE)?;
    copy_via(store, dest, tmp, mode, cancel, progress)
}

/// DEST must not be the source, and an existing DEST is replaced only with `force` when it is a
/// pantau database (or an empty file).
fn refuse_unsafe_dest(store: &Store, dest: &Path, force: bool) -> Result<()> {
    if same_file(store.path(), dest) {
        let m = Command::BackupIsDatabase {
            dest: &dest.display(),
        };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    if !dest.exists() {
        return Ok(());
    }
    if dest.is_dir() {
        let (id, en) = (dest.join("kaltim-salinan.db"), dest.join("kaltim-copy.db"));
        let m = Command::BackupIsFolder {
            dest: &dest.display(),
            id: &id.display(),
            en: &en.display(),
        };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    if !force {
        return Err(Error::Exists {
            path: dest.to_path_buf(),
        });
    }
    match Store::open(dest, Mode::ReadOnly) {
        Ok(_)
        | Err(Error::NeedsUpgrade { .. })
        | Err(Error::TooNew { .. })
        | Err(Error::Empty { .. }) => Ok(()),
        // Not a database at all (or one too damaged to read): its own messages would send the
        // user to fix or restore it, while all it needs is another path for the copy.
        Err(Error::NotSqlite { .. } | Error::Corrupt { .. }) => {
            let m = Command::NotOursToReplace {
                dest: &dest.display(),
            };
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
        Err(e) => Err(e),
    }
}

/// Whether `a` and `b` name the same file (DEST need not exist).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = p.canonicalize() {
            return Some(c);
        }
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
            _ => std::env::current_dir().ok()?,
        };
        Some(parent.join(p.file_name()?))
    };
    matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

fn cancelled() -> Error {
    let m = Msg::BackupCancelled;
    Error::failed(tr(Lang::Id, m), tr(Lang::En, m))
}

fn copy_via(
    store: &Store,
    dest: &Path,
    temp: Temp,
    mode: u32,
    cancel: &Arc<AtomicBool>,
    progress: &dyn Fn(i64, i64),
) -> Result<Copied> {
    let tmp = &temp.path().to_path_buf();
    let stop = cancelled;
    let cases = crate::store::copy::snapshot(store, tmp, cancel, &stop, progress)?;
    crate::store::copy::check((store.path(), tmp, dest), cases, cancel, &stop)?;
    let file = std::fs::File::open(tmp).map_err(|source| Error::Io {
        path: tmp.to_path_buf(),
        source,
    })?;
    file.sync_all().map_err(|source| Error::Io {
        path: tmp.to_path_buf(),
        source,
    })?;
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled());
    }
    // A log left by the file being replaced must never be applied to the copy.
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sidecar(dest, suffix));
    }
    temp.commit(dest, Some(mode), crate::fs_safe::Replace::Yes)?;
    Ok(Copied {
        dest: dest.to_path_buf(),
        cases,
        bytes: file.metadata().map(|m| m.len()).unwrap_or(0),
    })
}
