//! A snapshot copy of a database into a new file (`pantau backup`): page by page under one read
//! transaction, out of WAL mode, with an identity of its own, then checked whole.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::store::{Mode, Store, sqlite_error};

/// Pages copied per step (4 MiB of 4 KiB pages) between looks at Ctrl-C and the progress bar.
const STEP_PAGES: std::ffi::c_int = 1024;

/// Copies one snapshot of `store` into the empty file `tmp`, which then stands alone (no
/// write-ahead log) under a new database id. Returns the cases of the snapshot. Stops with
/// `cancelled()` once `cancel` is set; `progress` hears pages done and pages in all.
pub fn snapshot(
    store: &Store,
    tmp: &Path,
    cancel: &AtomicBool,
    cancelled: &dyn Fn() -> Error,
    progress: &dyn Fn(i64, i64),
) -> Result<i64> {
    let tmp_err = |e: rusqlite::Error| sqlite_error(tmp, e);
    let mut out = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW,
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
        pump(src, &mut out, tmp, cancel, cancelled, progress)?;
        Ok::<i64, Error>(cases)
    })();
    let _ = src.execute_batch("COMMIT");
    let cases = snapshot?;
    // One file that stands alone, without a write-ahead log beside it.
    let journal: String = out
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(tmp_err)?;
    if !journal.eq_ignore_ascii_case("delete") {
        return Err({
            let m = Core::CopyNoDelete { tmp, journal };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    // The copy lives its own life from here: a new identity, so that an index cached for the
    // original is never taken for the copy's (or for the original restored from it).
    out.execute(
        "UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'database_id'",
        [],
    )
    .map_err(tmp_err)?;
    out.close().map_err(|(_, e)| tmp_err(e))?;
    Ok(cases)
}

/// Copies every page of `src` into `out`, a step at a time.
fn pump(
    src: &Connection,
    out: &mut Connection,
    tmp: &Path,
    cancel: &AtomicBool,
    cancelled: &dyn Fn() -> Error,
    progress: &dyn Fn(i64, i64),
) -> Result<()> {
    let backup = Backup::new(src, out).map_err(|e| sqlite_error(tmp, e))?;
    loop {
        if cancel.load(Ordering::SeqCst) {
            return Err(cancelled());
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

/// The copy at `tmp` of the database `source`, to be put in place at `dest`, is a pantau
/// database, whole (`quick_check`), with the cases of the snapshot.
pub fn check(
    (source, tmp, dest): (&Path, &Path, &Path),
    cases: i64,
    cancel: &Arc<AtomicBool>,
    cancelled: &dyn Fn() -> Error,
) -> Result<()> {
    let mut store = Store::open_own(tmp, Mode::ReadOnly)?;
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
                cancelled()
            } else {
                store.err(e)
            }
        })?;
    let copied = store.case_count()?;
    if check != "ok" || copied != cases {
        return Err({
            let m = Core::CopyBad {
                source,
                dest,
                check,
                copied,
                cases,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    Ok(())
}
