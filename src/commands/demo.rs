//! `pantau demo`: the Kaltim demo database (or N synthetic cases), written to a temporary file
//! beside the target and renamed over it only when complete, so a failure or Ctrl-C loses nothing
//! (and what a killed run left, the next run in that folder removes).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::DemoArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::i18n::national::National;
use crate::store::{Mode, Store};

/// The seed `--demo` uses when it creates the demo database.
pub const DEFAULT_SEED: u64 = 2024;

/// Runs `pantau demo`.
pub fn run(ctx: &Context, args: &DemoArgs) -> Result<()> {
    let started = Instant::now();
    let n = match args.records {
        None => write_kaltim(ctx, args.seed, args.force)?,
        Some(n) => {
            let reference = reference_for(args)?;
            match reference.root() {
                Some(root) if root.kind == "nasional" => {
                    eprintln!("{}", National::DemoContestsOnlyKaltim.text(ctx.lang));
                }
                Some(root) if root.code != "64" => {
                    let m = National::DemoNoContests {
                        province: &root.name,
                    };
                    eprintln!("{}", m.text(ctx.lang));
                }
                _ => {}
            }
            write_synthetic(ctx, &reference, n, args.seed, args.force)?
        }
    };
    let l = ctx.lang;
    eprintln!(
        "{}: {} ({}, {:.1} s)",
        Command::DemoWritten.text(l),
        ctx.db.display(),
        crate::i18n::cases(l, i64::try_from(n).unwrap_or(i64::MAX)),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The reference data of the database `--province` or `--nasional` asks for; Kalimantan Timur's
/// without either.
fn reference_for(args: &DemoArgs) -> Result<Reference> {
    if args.nasional {
        return Ok(Reference::national());
    }
    match args.province.as_deref() {
        None => Ok(Reference::embedded()),
        Some(given) => {
            let (code, _) = crate::commands::init::province(given)?;
            Ok(Reference::for_province(&code).unwrap_or_else(Reference::embedded))
        }
    }
}

/// Writes the Kaltim demo database at the context's path.
pub fn write_kaltim(ctx: &Context, seed: u64, force: bool) -> Result<usize> {
    replace_with(ctx, &Reference::embedded(), force, |store| {
        let demo = crate::demo::kaltim(seed);
        crate::demo::write(store, &demo, now())
    })
}

fn write_synthetic(
    ctx: &Context,
    reference: &Reference,
    n: usize,
    seed: u64,
    force: bool,
) -> Result<usize> {
    let cancel = super::stop_on_signals()?;
    let bar = crate::progress::bar(
        Some(n as u64),
        &Command::DemoWriting.text(ctx.lang),
        crate::progress::Unit::Items,
        ctx.progress_style(),
    );
    let written = replace_with(ctx, reference, force, |store| {
        crate::demo::synthetic(
            store,
            n,
            seed,
            now(),
            &mut |done| {
                bar.set_position(done as u64);
                if done >= n {
                    bar.set_message(Command::DemoSaving.text(ctx.lang));
                }
            },
            &cancel,
        )
    });
    bar.finish_and_clear();
    match written {
        // A Ctrl-C that came once every case was written changed nothing: the new database is
        // in place, and saying otherwise would hide that the old one is gone.
        Ok(n) => Ok(n),
        Err(_) if cancel.load(std::sync::atomic::Ordering::SeqCst) => {
            let m = Command::DemoCancelled;
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
        Err(e) => Err(e),
    }
}

fn now() -> chrono::NaiveDateTime {
    // To the second, as imports record their time: `batches` lists them alike.
    let now = chrono::Local::now().naive_local();
    chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now)
}

/// Builds a new database in a temporary file with `fill`, then moves it over the target.
fn replace_with(
    ctx: &Context,
    reference: &Reference,
    force: bool,
    fill: impl FnOnce(&mut Store) -> Result<usize>,
) -> Result<usize> {
    let path = &ctx.db;
    if ctx.read_only {
        return Err(Error::ReadOnly {
            path: path.clone(),
            why: "--read-only".into(),
            command: "pantau demo".into(),
        });
    }
    if path.exists() {
        if !force {
            return Err(Error::Exists { path: path.clone() });
        }
        // Only ever replace a pantau database (or an empty file), never someone else's file.
        match Store::open(path, Mode::ReadOnly) {
            Ok(_)
            | Err(Error::NeedsUpgrade { .. })
            | Err(Error::Missing { .. })
            | Err(Error::Empty { .. }) => {}
            // Another kind of file (or a database too damaged to read): the way out is another
            // path, not the repair or restore its own message would propose.
            Err(Error::NotSqlite { .. } | Error::Corrupt { .. }) => {
                let m = Command::NotOursToReplace {
                    dest: &path.display(),
                };
                return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
            }
            Err(e) => return Err(e),
        }
    }
    crate::store::files::create_folder(path)?;
    // Created group-writable as the umask allows, like any database pantau creates.
    let temp = crate::fs_safe::Temp::beside(path, 0o664)?;
    let mut store = Store::open_own(temp.path(), Mode::Create)?;
    // Nobody else opens the file until it is renamed: written through a rollback journal, each
    // page goes to the file once rather than to the write-ahead log and then again to the file.
    store.into_single_file()?;
    store.load_reference(reference)?;
    let n = fill(&mut store)?;
    crate::engine::cache::keep_for_readers(&store);
    store.into_single_file()?;
    drop(store);
    crate::fs_safe::check_dest(path, crate::fs_safe::Replace::Yes)?;
    // The old database's write lock, held until the new file is in place: an import into it
    // finishes first, and nothing writes to it once it is replaced.
    let lock = match path.exists() && !crate::store::files::is_empty(path) {
        true => Some(crate::store::WriteLock::take(path)?),
        false => None,
    };
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(path, suffix));
    }
    temp.commit(path, None, crate::fs_safe::Replace::Yes)?;
    drop(lock);
    // Back to WAL for the readers and writers that follow.
    drop(Store::open(path, Mode::Write)?);
    Ok(n)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
