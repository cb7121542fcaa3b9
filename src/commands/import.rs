//! `pantau import`: check and write every file in one transaction (one batch each), print the
//! first problems or what changed. The work is in `crate::import`; this is the conversation.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};

use crate::cli::ImportArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::import::{self, Checked, Counts, Input, Options, Written};
use crate::store::{BatchInfo, Store};

/// How many problems are printed before the count of the rest.
pub const SHOWN_PROBLEMS: usize = 20;

/// Files above this size get a progress bar (on a terminal).
const BAR_BYTES: usize = 1 << 20;

/// What the import needs besides the files.
struct Run<'a> {
    store: &'a Store,
    reference: Reference,
    opts: Options,
    who: String,
    now: NaiveDateTime,
    cancel: Arc<AtomicBool>,
    lang: Lang,
}

/// A file written, with the earlier batches of the same bytes.
type Done = (Checked, Written, Vec<BatchInfo>);

/// Runs `pantau import`.
pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let lang = ctx.lang;
    if args.files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        return Err(Error::usage(
            "standar input (-) hanya bisa dibaca sekali",
            "standard input (-) can be read only once",
        ));
    }
    // Read before the signals are caught: standard input may wait for its writer, and SIGINT or
    // SIGTERM must end that wait (nothing is written yet).
    let inputs = args
        .files
        .iter()
        .map(|f| Input::load(f, args.format, args.sheet.as_deref()))
        .collect::<Result<Vec<_>>>()?;
    let cancel = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&cancel))
            .map_err(|e| Error::Other(e.to_string()))?;
    }
    let store = ctx.open_for_writing("pantau import", false)?;
    let now = chrono::Local::now().naive_local();
    let run = Run {
        store: &store,
        reference: store.reference()?,
        opts: Options {
            ignore_unknown: args.ignore_unknown,
            skip_invalid: args.skip_invalid,
            today: ctx.today,
            lang,
        },
        who: import::os_user(lang),
        now: now.with_nanosecond(0).unwrap_or(now),
        cancel,
        lang,
    };
    let wait = Duration::from_secs(args.wait);
    let path = ctx.db.display().to_string();
    let mut waiting = || {
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "menunggu penulis lain selesai dengan {path} (paling lama {} detik)…",
                    args.wait
                ),
                &format!(
                    "waiting for another writer to finish with {path} (at most {} s)…",
                    args.wait
                ),
            )
        );
    };
    // Pages are only held as the import touches them: a small file uses little of this. A larger
    // cache measured no faster at a million rows and took 270 MB more.
    store.prepare_bulk_write(import::CACHE_MIB)?;
    let done = if args.skip_invalid {
        skipping_invalid(&run, inputs, wait, &mut waiting, args.dry_run)?
    } else {
        all_or_nothing(&run, inputs, wait, &mut waiting, args.dry_run)?
    };
    print_summary(done, args.dry_run, args.mode, lang)
}

/// Every file checked while it is written; the first problem stops the writing, the checking
/// goes on to report them all, and nothing is committed.
fn all_or_nothing(
    run: &Run<'_>,
    inputs: Vec<Input>,
    wait: Duration,
    waiting: &mut dyn FnMut(),
    dry_run: bool,
) -> Result<Vec<Done>> {
    let lang = run.lang;
    let mut tx = Some(
        run.store
            .begin_write(wait, &run.cancel, waiting)?
            .ok_or_else(|| cancelled(lang))?,
    );
    let mut checked = Vec::with_capacity(inputs.len());
    let mut done = Vec::with_capacity(inputs.len());
    for input in inputs {
        let bar = bar_for(&input, lang.pick("mengimpor", "importing"));
        let progress = |n: u64| bar.set_position(n);
        match tx.as_ref() {
            Some(t) => {
                let earlier = run.store.batches_with_sha(&input.sha256)?;
                let result = import::check_and_write(
                    t,
                    input,
                    &run.reference,
                    &run.opts,
                    &run.who,
                    run.now,
                    &run.cancel,
                    &progress,
                );
                bar.finish_and_clear();
                match result?.ok_or_else(|| cancelled(lang))? {
                    (c, Some(w)) => done.push((c, w, earlier)),
                    (c, None) => {
                        // Nothing of this import will be committed: let other writers go on.
                        tx = None;
                        checked.push(c);
                    }
                }
            }
            None => {
                let c = import::check(input, &run.reference, &run.opts, &run.cancel, &progress);
                bar.finish_and_clear();
                checked.push(c?.ok_or_else(|| cancelled(lang))?);
            }
        }
    }
    match tx {
        None => {
            checked.extend(done.into_iter().map(|(c, _, _)| c));
            report_problems(&checked, false, lang)?;
            Err(Error::Other(
                "internal: an import with problems reported none".into(),
            ))
        }
        Some(t) if dry_run => {
            drop(t);
            Ok(done)
        }
        Some(_) if run.cancel.load(Ordering::SeqCst) => Err(cancelled(lang)),
        Some(t) => {
            t.commit().map_err(|e| run.store.err(e))?;
            Ok(done)
        }
    }
}

/// Every file checked first (no lock held), then the valid rows of all written and the rejected
/// ones copied beside their files.
fn skipping_invalid(
    run: &Run<'_>,
    inputs: Vec<Input>,
    wait: Duration,
    waiting: &mut dyn FnMut(),
    dry_run: bool,
) -> Result<Vec<Done>> {
    let lang = run.lang;
    let mut checked = Vec::with_capacity(inputs.len());
    for input in inputs {
        let bar = bar_for(&input, lang.pick("memeriksa", "checking"));
        let c = import::check(input, &run.reference, &run.opts, &run.cancel, &|n| {
            bar.set_position(n)
        });
        bar.finish_and_clear();
        checked.push(c?.ok_or_else(|| cancelled(lang))?);
    }
    report_problems(&checked, true, lang)?;
    let tx = run
        .store
        .begin_write(wait, &run.cancel, waiting)?
        .ok_or_else(|| cancelled(lang))?;
    let mut written = Vec::with_capacity(checked.len());
    for c in &checked {
        let earlier = run.store.batches_with_sha(&c.input.sha256)?;
        let bar = bar_for(&c.input, lang.pick("menulis", "writing"));
        bar.set_length(c.rows);
        let w = import::write_checked(
            &tx,
            c,
            &run.reference,
            &run.opts,
            &run.who,
            run.now,
            &run.cancel,
            &|n| bar.set_position(n),
        );
        bar.finish_and_clear();
        written.push((w?.ok_or_else(|| cancelled(lang))?, earlier));
    }
    if run.cancel.load(Ordering::SeqCst) {
        return Err(cancelled(lang));
    }
    if dry_run {
        drop(tx);
    } else {
        tx.commit().map_err(|e| run.store.err(e))?;
    }
    Ok(checked
        .into_iter()
        .zip(written)
        .map(|(c, (w, e))| (c, w, e))
        .collect())
}

/// A progress bar for a large file (hidden for small ones and when not on a terminal).
fn bar_for(input: &Input, what: &str) -> indicatif::ProgressBar {
    let bar = crate::progress::bar(input.bytes.len() as u64, &format!("{what} {}", input.name));
    if input.bytes.len() < BAR_BYTES {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

/// One line per file, the file of rejected rows, and the total of several files.
fn print_summary(done: Vec<Done>, dry_run: bool, mode: u32, lang: Lang) -> Result<()> {
    let mut total = Counts::default();
    let files = done.len();
    for (c, w, earlier) in done {
        // A workbook is named with the sheet read, so a wrong sheet is seen at once.
        let source = c.input.source_name();
        let name = crate::text::safe(&source);
        let mut line = format!("{name}: {}", counts_text(&w.counts, lang));
        if !dry_run {
            line += &format!(" — batch #{}", w.batch_id);
        }
        if w.counts.new + w.counts.changed == 0 && w.counts.total > 0 {
            line += lang.pick("; tidak ada yang berubah", "; nothing changed");
        }
        if let Some(b) = earlier.first() {
            line += &if lang == Lang::Id {
                format!(
                    " (berkas yang sama sudah diimpor sebagai batch #{} pada {} oleh {})",
                    b.id, b.imported_at, b.imported_by
                )
            } else {
                format!(
                    " (the same file was imported as batch #{} on {} by {})",
                    b.id, b.imported_at, b.imported_by
                )
            };
        }
        println!("{line}");
        for note in c.input.notes(lang) {
            println!("  {}", crate::text::safe(&note));
        }
        if let Some(f) = w.rejected_file
            && !dry_run
        {
            let path = f
                .commit(mode)
                .map_err(|(kept, e)| not_placed(w.batch_id, &e.message(lang), kept.as_deref()))?;
            println!(
                "  {} {} → {}",
                w.counts.rejected,
                lang.pick(
                    "baris ditolak, dengan alasannya",
                    "rejected rows, with their reasons"
                ),
                crate::text::safe(&path.display().to_string())
            );
        }
        total.add(&w.counts);
    }
    if files > 1 {
        println!(
            "{}: {}",
            lang.pick("Jumlah", "Total"),
            counts_text(&total, lang)
        );
    }
    if dry_run {
        println!(
            "{}",
            lang.pick(
                "Uji coba (--dry-run): tidak ada yang ditulis.",
                "Dry run (--dry-run): nothing was written."
            )
        );
    }
    Ok(())
}

/// The error of an import that was saved but whose file of rejected rows could not be put in
/// place: the batch, why, and where the rows are instead.
fn not_placed(batch: i64, why: &str, kept: Option<&std::path::Path>) -> Error {
    let kept = kept.map(|p| crate::text::safe(&p.display().to_string()).into_owned());
    Error::failed(
        format!(
            "impor tersimpan sebagai batch #{batch}, tetapi berkas baris yang ditolak tidak dapat diletakkan: {why}; {}",
            match &kept {
                Some(p) => format!("baris yang ditolak disimpan di {p}"),
                None => "baris yang ditolak tidak tersimpan: jalankan impor berkas itu lagi dengan --skip-invalid setelah masalahnya teratasi (baris yang sudah diimpor tercatat tidak berubah)".into(),
            }
        ),
        format!(
            "the import was saved as batch #{batch}, but the file of rejected rows could not be put in place: {why}; {}",
            match &kept {
                Some(p) => format!("the rejected rows were kept in {p}"),
                None => "the rejected rows were not kept: import that file again with --skip-invalid once the problem is solved (the rows already imported count as unchanged)".into(),
            }
        ),
    )
}

/// `47 new, 0 changed, 0 unchanged` (and the rejected rows, if any).
pub fn counts_text(c: &Counts, lang: Lang) -> String {
    let mut s = format!(
        "{} {}, {} {}, {} {}",
        c.new,
        lang.pick("baru", "new"),
        c.changed,
        lang.pick("berubah", "changed"),
        c.unchanged,
        lang.pick("tetap", "unchanged")
    );
    if c.rejected > 0 {
        s += &format!(", {} {}", c.rejected, lang.pick("ditolak", "rejected"));
    }
    s
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn cancelled(lang: Lang) -> Error {
    Error::Other(
        lang.pick(
            "dibatalkan; tidak ada yang ditulis",
            "cancelled; nothing was written",
        )
        .into(),
    )
}

/// Prints the first problems of all files and their count; fails unless every file may be written.
fn report_problems(checked: &[Checked], skip_invalid: bool, lang: Lang) -> Result<()> {
    let total: usize = checked.iter().map(|c| c.problems.len()).sum();
    if total == 0 {
        return Ok(());
    }
    for (c, p) in checked
        .iter()
        .flat_map(|c| c.problems.iter().map(move |p| (c, p)))
        .take(SHOWN_PROBLEMS)
    {
        // A problem of a workbook names its sheet: in its cell, else beside the file.
        let name = match p.at {
            Some(_) => c.input.name.clone(),
            None => c.input.source_name(),
        };
        eprintln!("{}", crate::text::safe(&p.display(&name, lang)));
    }
    if total > SHOWN_PROBLEMS {
        eprintln!(
            "{}",
            if lang == Lang::Id {
                format!(
                    "… dan {} lagi ({total} kesalahan seluruhnya)",
                    total - SHOWN_PROBLEMS
                )
            } else {
                format!(
                    "… and {} more ({total} problems in all)",
                    total - SHOWN_PROBLEMS
                )
            }
        );
    }
    let rows: usize = checked.iter().map(|c| c.rejected.len()).sum();
    let files = checked.iter().filter(|c| !c.problems.is_empty()).count();
    if let Some(c) = checked.iter().find(|c| c.fatal) {
        return Err(Error::Other(if lang == Lang::Id {
            format!(
                "{} tidak dapat dibaca (lihat di atas); tidak ada yang ditulis",
                c.input.name
            )
        } else {
            format!(
                "{} cannot be read (see above); nothing was written",
                c.input.name
            )
        }));
    }
    if !skip_invalid {
        return Err(Error::Other(if lang == Lang::Id {
            format!(
                "{total} kesalahan di {rows} baris dari {files} berkas; tidak ada yang ditulis \
                 (perbaiki, atau tambahkan --skip-invalid untuk mengimpor baris yang valid)"
            )
        } else {
            format!(
                "{total} {} in {rows} {} of {files} {}; nothing was written \
                 (fix them, or add --skip-invalid to import the valid rows)",
                plural(total, "problem", "problems"),
                plural(rows, "row", "rows"),
                plural(files, "file", "files"),
            )
        }));
    }
    Ok(())
}
