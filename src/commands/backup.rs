//! `pantau backup DEST`: a consistent copy through SQLite's online backup, made while others read
//! and write, checked, and moved into place only when complete. It never writes to the source.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::cli::BackupArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::fs_safe::Temp;
use crate::i18n::{Lang, Msg, tr};
use crate::store::files::sidecar;
use crate::store::{Mode, Store, sqlite_error};

/// Pages copied per step (4 MiB of 4 KiB pages) between looks at Ctrl-C and the progress bar.
const STEP_PAGES: std::ffi::c_int = 1024;

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
    let cancel = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&cancel))
            .map_err(|e| Error::Other(e.to_string()))?;
    }
    let store = ctx.open_for_reading()?;
    let bar = crate::progress::bar(0, lang.pick("menyalin", "copying"));
    let copied = copy(
        &store,
        &args.dest,
        args.force,
        args.mode,
        &cancel,
        lang,
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
        "{}: {} ({} {}, {:.1} MiB, {})",
        tr(lang, Msg::BackupWritten),
        crate::text::safe(&copied.dest.display().to_string()),
        copied.cases,
        lang.pick("kasus", "cases"),
        copied.bytes as f64 / (1024.0 * 1024.0),
        lang.pick("diperiksa: baik", "checked: ok"),
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
    lang: Lang,
    progress: &dyn Fn(i64, i64),
) -> Result<Copied> {
    crate::fs_safe::check_writable(dest, crate::fs_safe::Replace::Yes).or_else(|e| match e {
        Error::Failed { .. } if dest.is_dir() => Ok(()),
        e => Err(e),
    })?;
    refuse_unsafe_dest(store, dest, force)?;
    let tmp = Temp::beside(dest, crate::fs_safe::PRIVATE)?;
    copy_via(store, dest, tmp, mode, cancel, lang, progress)
}

/// DEST must not be the source, and an existing DEST is replaced only with `force` when it is a
/// pantau database (or an empty file).
fn refuse_unsafe_dest(store: &Store, dest: &Path, force: bool) -> Result<()> {
    if same_file(store.path(), dest) {
        return Err(Error::usage(
            format!(
                "{} adalah database itu sendiri; pilih path lain untuk salinan",
                dest.display()
            ),
            format!(
                "{} is the database itself; choose another path for the copy",
                dest.display()
            ),
        ));
    }
    if !dest.exists() {
        return Ok(());
    }
    if dest.is_dir() {
        return Err(Error::usage(
            format!(
                "{} adalah folder; tulis path berkas salinan, mis. {}/kaltim-salinan.db",
                dest.display(),
                dest.display()
            ),
            format!(
                "{} is a folder; give the path of the copy, e.g. {}/kaltim-copy.db",
                dest.display(),
                dest.display()
            ),
        ));
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

fn cancelled(lang: Lang) -> Error {
    Error::Other(tr(lang, Msg::BackupCancelled).to_string())
}

fn copy_via(
    store: &Store,
    dest: &Path,
    temp: Temp,
    mode: u32,
    cancel: &Arc<AtomicBool>,
    lang: Lang,
    progress: &dyn Fn(i64, i64),
) -> Result<Copied> {
    let tmp = &temp.path().to_path_buf();
    let tmp_err = |e: rusqlite::Error| sqlite_error(tmp, e);
    let mut out = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(tmp_err)?;
    // One snapshot of the source from the first page to the last.
    let src = store.conn();
    src.execute_batch("BEGIN DEFERRED")
        .map_err(|e| store.err(e))?;
    let snapshot = (|| {
        let cases: i64 = src
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .map_err(|e| store.err(e))?;
        pump(src, &mut out, tmp, cancel, lang, progress)?;
        Ok::<i64, Error>(cases)
    })();
    let _ = src.execute_batch("COMMIT");
    let cases = snapshot?;
    // One file that stands alone, without a write-ahead log beside it.
    let journal: String = out
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(tmp_err)?;
    if !journal.eq_ignore_ascii_case("delete") {
        return Err(Error::Other(format!(
            "{}: could not leave WAL mode (got {journal})",
            tmp.display()
        )));
    }
    // The copy lives its own life from here: a new identity, so that an index cached for the
    // original is never taken for the copy's (or for the original restored from it).
    out.execute(
        "UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'database_id'",
        [],
    )
    .map_err(tmp_err)?;
    out.close().map_err(|(_, e)| tmp_err(e))?;
    verify(tmp, cases, cancel, lang)?;
    let file = std::fs::File::open(tmp).map_err(|source| Error::Io {
        path: tmp.to_path_buf(),
        source,
    })?;
    file.sync_all().map_err(|source| Error::Io {
        path: tmp.to_path_buf(),
        source,
    })?;
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled(lang));
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

/// Copies every page of `src` into `out`, a step at a time.
fn pump(
    src: &Connection,
    out: &mut Connection,
    tmp: &Path,
    cancel: &AtomicBool,
    lang: Lang,
    progress: &dyn Fn(i64, i64),
) -> Result<()> {
    let backup = Backup::new(src, out).map_err(|e| sqlite_error(tmp, e))?;
    loop {
        if cancel.load(Ordering::SeqCst) {
            return Err(cancelled(lang));
        }
        let step = backup.step(STEP_PAGES).map_err(|e| sqlite_error(tmp, e))?;
        let p = backup.progress();
        progress(i64::from(p.pagecount - p.remaining), i64::from(p.pagecount));
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            // Only our own connection writes the copy; a busy source is waited for.
            StepResult::Busy | StepResult::Locked => std::thread::sleep(Duration::from_millis(50)),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// The copy is a pantau database, whole (`quick_check`), with the cases of the snapshot.
fn verify(tmp: &Path, cases: i64, cancel: &Arc<AtomicBool>, lang: Lang) -> Result<()> {
    let mut store = Store::open(tmp, Mode::ReadOnly)?;
    let stop = Arc::clone(cancel);
    store
        .conn_mut()
        .progress_handler(10_000, Some(move || stop.load(Ordering::SeqCst)))
        .map_err(|e| sqlite_error(tmp, e))?;
    let check: String = store
        .conn()
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| {
            if cancel.load(Ordering::SeqCst) {
                cancelled(lang)
            } else {
                store.err(e)
            }
        })?;
    let copied = store.case_count()?;
    if check != "ok" || copied != cases {
        return Err(Error::Other(format!(
            "{}: the copy did not check out (quick_check: {check}; {copied} of {cases} cases); nothing was written",
            tmp.display()
        )));
    }
    Ok(())
}
