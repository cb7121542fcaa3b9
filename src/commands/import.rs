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
use crate::i18n::commands::Command;
use crate::i18n::national::National;
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
    /// How progress bars are drawn.
    bars: crate::progress::Style,
    /// `--origin`: the province every file comes from (its code, or `RI`).
    origin: Option<String>,
}

/// A file written, with the earlier batches of the same bytes and the origin recorded.
type Done = (Checked, Written, Vec<BatchInfo>, Option<String>);

/// Runs `pantau import`.
pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let lang = ctx.lang;
    if args.files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        let m = Command::ImportStdinTwice;
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    // Read before the signals are caught: standard input may wait for its writer, and SIGINT or
    // SIGTERM must end that wait (nothing is written yet).
    let inputs = args
        .files
        .iter()
        .map(|f| Input::load(f, args.read.format, args.read.sheet.as_deref()))
        .collect::<Result<Vec<_>>>()?;
    let origin = match args.origin.as_deref() {
        None => None,
        Some(o) if o.trim().eq_ignore_ascii_case(crate::domain::wilayah::RI) => {
            Some(crate::domain::wilayah::RI.to_string())
        }
        Some(o) => Some(crate::commands::init::province(o)?.0),
    };
    let cancel = super::stop_on_signals()?;
    let store = ctx
        .open_for_writing_within("pantau import", args.read.wait, &cancel)?
        .ok_or_else(super::cancelled)?;
    let now = chrono::Local::now().naive_local();
    let reference = store.reference()?;
    let election = match args.read.election.as_deref() {
        Some(text) => Some(election_flag(&reference, text)?),
        None => None,
    };
    let run = Run {
        store: &store,
        reference: Reference::clone(&reference),
        opts: Options {
            ignore_unknown: args.read.ignore_unknown,
            skip_invalid: args.skip_invalid,
            today: ctx.today,
            lang,
            election,
        },
        who: import::os_user(lang),
        now: now.with_nanosecond(0).unwrap_or(now),
        cancel,
        lang,
        bars: ctx.progress_style(),
        origin,
    };
    let wait = Duration::from_secs(args.read.wait);
    let mut waiting = ctx.waiting_for_writer(args.read.wait);
    // Pages are only held as the import touches them: a small file uses little of this. A larger
    // cache measured no faster at a million rows and took 270 MB more.
    store.prepare_bulk_write(import::CACHE_MIB)?;
    let done = if args.skip_invalid {
        skipping_invalid(&run, inputs, wait, &mut waiting, args.read.dry_run)?
    } else {
        all_or_nothing(&run, inputs, wait, &mut waiting, args.read.dry_run)?
    };
    if !args.read.dry_run {
        crate::engine::cache::keep_for_readers(&store);
    }
    // The origin matters to a national roll-up: said there, or when the user gave it.
    let show_origin = args.origin.is_some() || run.reference.is_national();
    print_summary(done, args.read.dry_run, args.mode, show_origin, lang)
}

/// The code of the election `--election` names (code or name, any case and spacing), or the
/// usage error saying which elections the database holds.
pub fn election_flag(reference: &Reference, text: &str) -> Result<String> {
    import::validate::election(reference, text)
        .map(|e| e.code.clone())
        .map_err(|issue| {
            let m = Command::ElectionFlag {
                why: &issue.message(Lang::Id),
            };
            let en = Command::ElectionFlag {
                why: &issue.message(Lang::En),
            };
            Error::usage(m.text(Lang::Id), en.text(Lang::En))
        })
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
            .ok_or_else(super::cancelled)?,
    );
    if let Some(t) = tx.as_ref() {
        t.watch_province_moves()?;
    }
    let mut checked = Vec::with_capacity(inputs.len());
    let mut done = Vec::with_capacity(inputs.len());
    for input in inputs {
        let bar = bar_for(&input, &Command::ImportImporting.text(lang), run.bars);
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
                match result?.ok_or_else(super::cancelled)? {
                    (c, Some(w)) => {
                        let origin = settle(t, &c, &w, &earlier, run)?;
                        done.push((c, w, earlier, origin));
                    }
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
                checked.push(c?.ok_or_else(super::cancelled)?);
            }
        }
    }
    match tx {
        None => {
            checked.extend(done.into_iter().map(|(c, _, _, _)| c));
            report_problems(&checked, false, lang)?;
            let m = Command::ImportNoneReported;
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
        Some(t) if dry_run => {
            drop(t);
            Ok(done)
        }
        Some(_) if run.cancel.load(Ordering::SeqCst) => Err(super::cancelled()),
        Some(t) => {
            t.commit()?;
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
        let bar = bar_for(&input, &Command::ImportChecking.text(lang), run.bars);
        let c = import::check(input, &run.reference, &run.opts, &run.cancel, &|n| {
            bar.set_position(n)
        });
        bar.finish_and_clear();
        checked.push(c?.ok_or_else(super::cancelled)?);
    }
    report_problems(&checked, true, lang)?;
    let tx = run
        .store
        .begin_write(wait, &run.cancel, waiting)?
        .ok_or_else(super::cancelled)?;
    tx.watch_province_moves()?;
    let mut written = Vec::with_capacity(checked.len());
    for c in &checked {
        let earlier = run.store.batches_with_sha(&c.input.sha256)?;
        let bar = bar_for(&c.input, &Command::ImportWriting.text(lang), run.bars);
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
        let w = w?.ok_or_else(super::cancelled)?;
        let origin = settle(&tx, c, &w, &earlier, run)?;
        written.push((w, earlier, origin));
    }
    if run.cancel.load(Ordering::SeqCst) {
        return Err(super::cancelled());
    }
    if dry_run {
        drop(tx);
    } else {
        tx.commit()?;
    }
    Ok(checked
        .into_iter()
        .zip(written)
        .map(|(c, (w, e, o))| (c, w, e, o))
        .collect())
}

/// How many cases a refusal names before "…".
const SHOWN_CASES: usize = 10;

/// The national roll-up's checks of one file written in `tx`: a stored case of one province that
/// the file gives to another (moved, or one number used by two provinces) refuses it, as does a
/// row outside the province `--origin` names (a file that wrote nothing: the origin recorded when
/// the same bytes were imported before); then the batch's origin is recorded: `--origin`'s, else
/// the provinces of the rows it wrote, else (nothing changed) the origin recorded for the same
/// bytes or, failing that, for the latest file of that name.
fn settle(
    tx: &crate::store::write::Write<'_>,
    c: &Checked,
    w: &Written,
    earlier: &[BatchInfo],
    run: &Run<'_>,
) -> Result<Option<String>> {
    let file = crate::text::safe(&c.input.source_name()).into_owned();
    let moves = tx.province_moves(w.batch_id)?;
    if !moves.is_empty() {
        let mut cases: Vec<String> = moves
            .iter()
            .take(SHOWN_CASES)
            .map(|m| {
                crate::text::safe(&format!(
                    "{} ({} → {})",
                    m.nomor, m.from_office, m.to_office
                ))
                .into_owned()
            })
            .collect();
        if moves.len() > SHOWN_CASES {
            cases.push("…".into());
        }
        let cases = cases.join(", ");
        let m = National::Moves {
            file: &file,
            count: moves.len(),
            cases: &cases,
        };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    let mut provinces = tx.batch_provinces(w.batch_id)?;
    let before = earlier.iter().rev().find_map(|b| {
        b.origin
            .as_ref()
            .map(|o| (o.clone(), 0, format!("batch #{}", b.id)))
    });
    if provinces.is_empty() && run.origin.is_some() {
        provinces.extend(before.clone());
    }
    let origin = match &run.origin {
        Some(o) => {
            let outside: Vec<&(String, i64, String)> =
                provinces.iter().filter(|(p, _, _)| p != o).collect();
            if !outside.is_empty() {
                let found: Vec<&str> = outside.iter().map(|(p, _, _)| p.as_str()).collect();
                let examples: Vec<&str> = outside.iter().map(|(_, _, n)| n.as_str()).collect();
                let examples = crate::text::safe(&examples.join(", ")).into_owned();
                let m = National::OriginMismatch {
                    file: &file,
                    origin: o,
                    found: &found.join(", "),
                    examples: &examples,
                };
                return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
            }
            Some(o.clone())
        }
        None if !provinces.is_empty() => Some(
            provinces
                .iter()
                .map(|(p, _, _)| p.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ),
        None => match before {
            Some((o, _, _)) => Some(o),
            None => tx.last_origin(&c.input.source_name())?,
        },
    };
    tx.set_batch_origin(w.batch_id, origin.as_deref())?;
    Ok(origin)
}

/// A progress bar for a large file (hidden for small ones and when not on a terminal).
fn bar_for(input: &Input, what: &str, style: crate::progress::Style) -> indicatif::ProgressBar {
    let bar = crate::progress::bar(
        Some(input.bytes.len() as u64),
        &format!("{what} {}", input.name),
        crate::progress::Unit::Bytes,
        style,
    );
    if input.bytes.len() < BAR_BYTES {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

/// One line per file, the file of rejected rows, and the total of several files.
fn print_summary(
    done: Vec<Done>,
    dry_run: bool,
    mode: u32,
    show_origin: bool,
    lang: Lang,
) -> Result<()> {
    let mut total = Counts::default();
    let files = done.len();
    for (c, w, earlier, origin) in done {
        // A workbook is named with the sheet read, so a wrong sheet is seen at once.
        let source = c.input.source_name();
        let name = crate::text::safe(&source);
        let mut line = format!("{name}: {}", counts_text(&w.counts, lang));
        if !dry_run {
            line += &format!(" — batch #{}", w.batch_id);
        }
        if w.counts.new + w.counts.changed == 0 && w.counts.total > 0 {
            line += &Command::ImportNothingChanged.text(lang);
        }
        if let Some(b) = earlier.first() {
            line += &Command::ImportSameFile {
                batch: b.id,
                at: &b.imported_at,
                by: &b.imported_by,
            }
            .text(lang);
        }
        println!("{line}");
        if let Some(o) = origin.filter(|_| !dry_run && show_origin) {
            println!("  {}", National::OriginRecorded { origin: &o }.text(lang));
        }
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
                Command::ImportRejectedRows {
                    rows: w.counts.rejected
                }
                .text(lang),
                crate::text::safe(&path.display().to_string())
            );
        }
        total.add(&w.counts);
    }
    if files > 1 {
        println!(
            "{}: {}",
            Command::ImportTotal.text(lang),
            counts_text(&total, lang)
        );
    }
    if dry_run {
        println!("{}", Command::ImportDryRun.text(lang));
    }
    Ok(())
}

/// The error of an import that was saved but whose file of rejected rows could not be put in
/// place: the batch, why, and where the rows are instead.
fn not_placed(batch: i64, why: &str, kept: Option<&std::path::Path>) -> Error {
    let kept = kept.map(|p| crate::text::safe(&p.display().to_string()).into_owned());
    let m = Command::ImportNotPlaced {
        batch,
        why,
        kept: kept.as_deref(),
    };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// `47 new, 0 changed, 0 unchanged` (and the rejected rows, if any).
pub fn counts_text(c: &Counts, lang: Lang) -> String {
    use crate::i18n::commands::count;
    let mut s = format!(
        "{} {}, {} {}, {} {}",
        count(lang, c.new),
        Command::New.text(lang),
        count(lang, c.changed),
        Command::Changed.text(lang),
        count(lang, c.unchanged),
        Command::Unchanged.text(lang)
    );
    if c.rejected > 0 {
        s += &format!(
            ", {} {}",
            count(lang, c.rejected),
            Command::Rejected.text(lang)
        );
    }
    s
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
            Command::ImportMore {
                more: total - SHOWN_PROBLEMS,
                total
            }
            .text(lang)
        );
    }
    let rows: usize = checked.iter().map(|c| c.rejected.len()).sum();
    let files = checked.iter().filter(|c| !c.problems.is_empty()).count();
    if let Some(c) = checked.iter().find(|c| c.fatal) {
        let m = Command::ImportUnreadable {
            name: &c.input.name,
        };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    if !skip_invalid {
        let m = Command::ImportProblems { total, rows, files };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    Ok(())
}
