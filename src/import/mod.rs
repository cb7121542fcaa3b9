//! Importing case files: every row checked, all files written in one transaction (one batch
//! each), nothing committed unless all is well. Reads with `read`, writes only through `store`.

pub mod activities;
pub mod chain;
pub mod columns;
mod from_csv;
mod from_json;
mod from_xlsx;
pub mod problem;
pub mod read;
pub mod rejected;
pub mod row;
pub mod simulate;
pub mod table;
pub mod validate;

pub use problem::{Issue, Problem};
pub use read::{Format, Input};

use read::RowAt;

use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::{Case, FollowUp, Reference, StatusChange, clean_nomor, nomor_key};
use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::import::columns::{Column, ColumnSet};
use crate::import::rejected::RejectedFile;
use crate::import::validate::{MAX_CELL, Validator, merge};
use crate::store::bulk::{Bulk, CaseWriter};
use crate::store::followups::StepWrite;
use crate::store::offices::Transfer;
use crate::store::write::{NewBatch, Write};

/// How rows are read and what happens to bad ones.
#[derive(Clone, Debug)]
pub struct Options {
    /// Unknown columns are skipped instead of refusing the file.
    pub ignore_unknown: bool,
    /// Valid rows are written and bad ones go to a file of rejected rows (else one bad row stops all).
    pub skip_invalid: bool,
    /// Dates after this day are refused.
    pub today: NaiveDate,
    /// The language of the reasons in the file of rejected rows.
    pub lang: Lang,
    /// The election of rows that do not say theirs (`--election`): a code of the reference data.
    /// A row's own `pemilihan` comes before it, its case number after it.
    pub election: Option<String>,
}

/// One file, checked.
#[derive(Debug)]
pub struct Checked {
    pub input: Input,
    /// Data rows (blank rows are not counted).
    pub rows: u64,
    /// Every problem, in file order; a duplicate intake number once, on its second line.
    pub problems: Vec<Problem>,
    /// Whether the file as a whole cannot be read (its header, its structure).
    pub fatal: bool,
    /// The rows to reject, by their place in file order (from 1, blank rows not counted), with
    /// their reasons (both rows of a duplicate). Not by line: one line may hold many JSON objects.
    pub rejected: BTreeMap<u64, Vec<Problem>>,
}

/// What writing one file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: u64,
    pub new: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

impl Counts {
    /// The counts as `import_batches` stores them.
    pub fn as_batch(&self) -> [i64; 5] {
        [
            self.total,
            self.new,
            self.changed,
            self.unchanged,
            self.rejected,
        ]
        .map(|n| i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// Adds another file's counts.
    pub fn add(&mut self, o: &Counts) {
        self.total += o.total;
        self.new += o.new;
        self.changed += o.changed;
        self.unchanged += o.unchanged;
        self.rejected += o.rejected;
    }
}

/// One file written (not yet committed).
#[derive(Debug)]
pub struct Written {
    pub batch_id: i64,
    pub counts: Counts,
    /// The rejected rows, in a file that appears when the transaction is committed.
    pub rejected_file: Option<RejectedFile>,
}

/// Who is told how far the work is: bytes read while checking, rows while writing.
pub type Progress<'p> = &'p (dyn Fn(u64) + Sync);

/// From this many bytes on (about a thousand rows), a file is written in a [`Bulk`]: the per-row
/// insert triggers (full-text index, change log) are set aside and their entries written a range
/// of new cases at a time; smaller files leave the schema alone.
pub const BULK_BYTES: usize = 256 * 1024;

/// The page cache of an import's connection, in MiB.
pub const CACHE_MIB: i64 = 64;

/// The user an import or a status change is recorded under: the login of the process's real
/// uid, which nobody can change with an environment variable. `SUDO_USER` names who ran `sudo`
/// only when the real uid is root (sudo sets it; anyone else could set it to a colleague's name).
/// A uid without a login (a container, a removed account) is recorded as `uid 1234`. A
/// `SUDO_USER` that names no user of this host is not recorded: root is, with a warning.
pub fn os_user(lang: Lang) -> String {
    let uid = nix::unistd::getuid();
    if uid.is_root()
        && let Ok(v) = std::env::var("SUDO_USER")
        && !v.is_empty()
    {
        if let Ok(Some(u)) = nix::unistd::User::from_name(&v) {
            return u.name;
        }
        crate::log::warn(
            &Core::SudoUserUnknown {
                value: crate::text::safe(&format!("{v:?}")).into_owned(),
            }
            .text(lang),
        );
    }
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => u.name,
        _ => format!("uid {uid}"),
    }
}

/// Checks every row of `input`, writing nothing. `Ok(None)` if `cancel` was set.
pub fn check(
    input: Input,
    reference: &Reference,
    opts: &Options,
    cancel: &AtomicBool,
    progress: Progress<'_>,
) -> Result<Option<Checked>> {
    let out = pass(
        &input,
        reference,
        opts,
        [cancel, cancel],
        None,
        None,
        progress,
    )?;
    Ok((!out.cancelled).then(|| out.into_checked(input)))
}

/// Checks `input` and writes it in `tx` in the same reading (all or nothing): rows go to the
/// database as they are found valid, and writing stops at the first problem, the check going on to
/// report every problem. `Written` only if the whole file was valid; else the caller rolls back.
/// `Ok(None)` if `cancel` was set.
#[allow(clippy::too_many_arguments)]
pub fn check_and_write(
    tx: &Write<'_>,
    input: Input,
    reference: &Reference,
    opts: &Options,
    who: &str,
    now: NaiveDateTime,
    cancel: &AtomicBool,
    progress: Progress<'_>,
) -> Result<Option<(Checked, Option<Written>)>> {
    let Some((out, written)) = write_file(
        tx,
        &input,
        None,
        reference,
        opts,
        who,
        now,
        cancel,
        (progress, &|_| {}),
    )?
    else {
        return Ok(None);
    };
    let checked = out.into_checked(input);
    let ok = checked.problems.is_empty();
    Ok(Some((checked, written.filter(|_| ok))))
}

/// Writes a checked file in `tx`, copying its rejected rows to a file beside it (`--skip-invalid`).
/// `Ok(None)` if `cancel` was set.
#[allow(clippy::too_many_arguments)]
pub fn write_checked(
    tx: &Write<'_>,
    checked: &Checked,
    reference: &Reference,
    opts: &Options,
    who: &str,
    now: NaiveDateTime,
    cancel: &AtomicBool,
    progress: Progress<'_>,
) -> Result<Option<Written>> {
    let input = &checked.input;
    let Some((out, written)) = write_file(
        tx,
        input,
        Some(checked),
        reference,
        opts,
        who,
        now,
        cancel,
        (&|_| {}, progress),
    )?
    else {
        return Ok(None);
    };
    match written {
        Some(w) if !out.fatal && out.rows == checked.rows && w.counts.total == checked.rows => {
            Ok(Some(w))
        }
        _ => Err({
            let m = Core::ReadTwiceDiffers { file: &input.name };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        }),
    }
}

/// A valid row on its way from the reading thread to the writing one.
struct Item {
    case: Case,
    /// The steps after forwarding the row gives.
    steps: Vec<FollowUp>,
    /// The handling history the row gives, checked against the row (empty when it gives none).
    chain: Vec<chain::Read>,
    /// The day the row's status took effect (`tanggal_status`), when it gives one.
    status_on: Option<NaiveDate>,
    given: ColumnSet,
    /// Where the row is, for a message that names it.
    line: u64,
}

/// What is written for new cases once they are: their steps and handling histories. (The day
/// their status took effect dates their first history entry as the [`CaseWriter`] writes it.)
#[derive(Default)]
struct Later {
    steps: Vec<(i64, Vec<FollowUp>)>,
    chains: Vec<(i64, Vec<Transfer>)>,
}

/// How many rows travel together between the threads.
const CHUNK: usize = 512;

/// What one reading of a file found.
#[derive(Default)]
struct Pass {
    rows: u64,
    problems: Vec<Problem>,
    fatal: bool,
    rejected: BTreeMap<u64, Vec<Problem>>,
    /// Rows copied to the file of rejected rows (when resending a checked file).
    rejected_rows: u64,
    file: Option<RejectedFile>,
    cancelled: bool,
}

impl Pass {
    fn into_checked(mut self, input: Input) -> Checked {
        self.problems.sort_by_key(|p| p.line);
        Checked {
            input,
            rows: self.rows,
            problems: self.problems,
            fatal: self.fatal,
            rejected: self.rejected,
        }
    }
}

/// Reads every row of `input` once. Without `checked` it checks: every problem is recorded, a
/// repeated intake number rejects both lines, and while no problem has been found the valid rows
/// are sent on. With `checked` (a file checked before) its rejected rows go to the file of
/// rejected rows and every other row is sent on. It stops when either of `stop` is set (Ctrl-C,
/// or the writer failed).
fn pass(
    input: &Input,
    reference: &Reference,
    opts: &Options,
    stop: [&AtomicBool; 2],
    checked: Option<&Checked>,
    mut send: Option<SyncSender<Vec<Item>>>,
    progress: Progress<'_>,
) -> Result<Pass> {
    let validator = Validator::new(reference, opts.today).with_election(opts.election.as_deref());
    let mut out = Pass::default();
    // The rows by intake number key: their line, their place, and their spelling when the key
    // is not how the file wrote it.
    let mut seen: HashMap<String, (u64, u64, Option<String>)> = HashMap::new();
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut failure = None;
    let fatal = read::scan(input, opts.ignore_unknown, &mut |row| {
        if stop.iter().any(|s| s.load(Ordering::Relaxed)) {
            out.cancelled = true;
            return ControlFlow::Break(());
        }
        out.rows += 1;
        if out.rows % 1024 == 0 {
            progress(row.offset);
        }
        let place = out.rows;
        if let Some(reasons) = checked.and_then(|c| c.rejected.get(&place)) {
            out.rejected_rows += 1;
            let copied = match out.file.as_mut() {
                Some(f) => f.write(&row.raw, row.line, reasons, opts.lang),
                None => RejectedFile::create(input).and_then(|f| {
                    out.file
                        .insert(f)
                        .write(&row.raw, row.line, reasons, opts.lang)
                }),
            };
            return match copied {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failure = Some(e);
                    ControlFlow::Break(())
                }
            };
        }
        let mut found = row.problems;
        let mut problem = |(c, issue): (Column, Issue)| {
            Problem::new(row.line, Some(&row.names[c.index()]), issue)
                .at(row.at.of(Some(c.index())))
        };
        let case = match validator.case(&row.cells, row.given, row.skip) {
            Ok(case) => match (
                validator.follow_ups(&row.cells, row.skip, &case),
                validator.transfers(&row.cells, row.skip, &case),
            ) {
                (Ok(steps), Ok(chain)) => Some((case, steps, chain)),
                (steps, chain) => {
                    let issues = steps.err().into_iter().chain(chain.err()).flatten();
                    found.extend(issues.map(&mut problem));
                    None
                }
            },
            Err(issues) => {
                found.extend(issues.into_iter().map(&mut problem));
                None
            }
        };
        if checked.is_none() {
            let nomor = row.cells[Column::Nomor.index()].as_deref().map(clean_nomor);
            if let Some(n) = nomor.filter(|n| !n.is_empty() && n.len() <= MAX_CELL) {
                let key = nomor_key(&n);
                match seen.get(key.as_ref()) {
                    Some((first, first_place, spelling)) => {
                        let name = row.names[Column::Nomor.index()].as_str();
                        let first_spelling = spelling.as_deref().unwrap_or(&key);
                        let issue = if first_spelling == n.as_ref() {
                            Issue::DuplicateNomor {
                                value: n.to_string(),
                                first_line: *first,
                                line: row.line,
                            }
                        } else {
                            Issue::NearDuplicateNomor {
                                value: n.to_string(),
                                first: first_spelling.to_string(),
                                first_line: *first,
                            }
                        };
                        let at = row.at.of(Some(Column::Nomor.index()));
                        found.push(Problem::new(row.line, Some(name), issue).at(at.clone()));
                        let other_at = match row.at {
                            RowAt::Object(_) => Some(problem::At::Object(*first_place)),
                            _ => at,
                        };
                        let other = Problem::new(
                            *first,
                            Some(name),
                            Issue::DuplicateOf {
                                value: first_spelling.to_string(),
                                other_line: row.line,
                            },
                        )
                        .at(other_at);
                        out.rejected.entry(*first_place).or_default().push(other);
                    }
                    None => {
                        let spelling = (key.as_ref() != n.as_ref()).then(|| n.to_string());
                        seen.insert(key.into_owned(), (row.line, place, spelling));
                    }
                }
            }
        }
        if !found.is_empty() {
            if checked.is_some() {
                failure = Some({
                    let m = Core::RowTwiceDiffers {
                        file: &input.name,
                        line: row.line,
                    };
                    Error::failed(m.text(Lang::Id), m.text(Lang::En))
                });
                return ControlFlow::Break(());
            }
            // Nothing more is written: the writer stops and the transaction is rolled back.
            send = None;
            let found: Vec<Problem> = found.into_iter().map(|p| p.at(row.at.of(None))).collect();
            out.problems.extend(found.iter().cloned());
            out.rejected.entry(place).or_default().extend(found);
            return ControlFlow::Continue(());
        }
        if let (Some(s), Some((case, steps, chain))) = (&send, case) {
            chunk.push(Item {
                case,
                steps,
                chain,
                status_on: validator.status_date(&row.cells, row.skip),
                given: row.given,
                line: row.line,
            });
            if chunk.len() == CHUNK
                && s.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                    .is_err()
            {
                // The writer stopped; it says why.
                send = None;
            }
        }
        ControlFlow::Continue(())
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if let Some(s) = send.filter(|_| !chunk.is_empty()) {
        // The writer may have stopped; it then says why.
        let _ = s.send(chunk);
    }
    out.fatal = !fatal.is_empty();
    out.problems.extend(fatal);
    Ok(out)
}

/// Writes one file as a new batch: a reading thread checks (or re-reads) the rows and sends
/// the valid ones, this thread writes them. `Written` is `None` when the reading found problems.
/// `progress` is told the bytes read and the rows written.
#[allow(clippy::too_many_arguments)]
fn write_file(
    tx: &Write<'_>,
    input: &Input,
    checked: Option<&Checked>,
    reference: &Reference,
    opts: &Options,
    who: &str,
    now: NaiveDateTime,
    cancel: &AtomicBool,
    progress: (Progress<'_>, Progress<'_>),
) -> Result<Option<(Pass, Option<Written>)>> {
    let (read_progress, write_progress) = progress;
    let batch = NewBatch {
        kind: "import",
        imported_by: who.to_string(),
        imported_at: now,
        source_name: input.source_name(),
        sha256: Some(input.sha256.clone()),
    };
    let batch_id = tx.insert_batch(&batch)?;
    if !tx.reference_unchanged(reference)? {
        let path = tx.path().to_path_buf();
        return Err(Error::ReferenceChanged { path });
    }
    let stored = u64::try_from(tx.case_count()?).unwrap_or(u64::MAX);
    let bulk = if input.bytes.len() >= BULK_BYTES {
        Some(Bulk::begin(tx, false)?)
    } else {
        None
    };
    // The ids of the stored cases by intake number, when there are few against the file (rows
    // are at least 50 bytes): rows not among them need no lookup, the others one by id.
    let known = if stored <= (input.bytes.len() as u64 / 50).max(1000) {
        Some(tx.all_ids()?)
    } else {
        None
    };
    // Stored numbers not in their key form, for a row that writes one of them another way.
    let unusual = if stored > 0 {
        tx.unusual_nomors()?
    } else {
        HashMap::new()
    };
    let stored_nomors = Stored {
        ids: known.as_ref(),
        unusual: &unusual,
    };
    let mut cases = CaseWriter::new(tx, batch_id, who, now, bulk.as_ref())?;
    let mut counts = Counts::default();
    // The steps of new cases, and the day their status took effect, written once the cases are.
    let mut later: Later = Later::default();
    let mut failure: Option<Error> = None;
    let failed = AtomicBool::new(false);
    let read = std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Item>>(16);
        let stop = [cancel, &failed];
        let reader = scope.spawn(move || {
            pass(
                input,
                reference,
                opts,
                stop,
                checked,
                Some(send),
                read_progress,
            )
        });
        'chunks: for chunk in &receive {
            for item in chunk {
                if cancel.load(Ordering::Relaxed) {
                    break 'chunks;
                }
                counts.total += 1;
                let at = Writing {
                    who,
                    now,
                    stored: &stored_nomors,
                    tx,
                    reference,
                };
                if let Err(e) = apply(&mut cases, item, &at, &mut counts, &mut later)
                    .and_then(|r| r.map_err(|n| n.error(&input.name)))
                {
                    failure = Some(e);
                    failed.store(true, Ordering::Relaxed);
                    break 'chunks;
                }
                if counts.total % 1024 == 0 {
                    write_progress(counts.total);
                }
            }
        }
        drop(receive);
        reader.join().unwrap_or_else(|_| {
            Err({
                let m = Core::ReaderFailed;
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            })
        })
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    if read.cancelled || cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    if !read.problems.is_empty() {
        return Ok(Some((read, None)));
    }
    cases.finish()?;
    for (id, steps) in &later.steps {
        for f in steps {
            tx.write_follow_up(*id, f, Some(batch_id), who, now)?;
        }
    }
    for (id, chain) in &later.chains {
        tx.merge_transfers(*id, chain, Some(batch_id))?;
    }
    if let Some(bulk) = bulk {
        bulk.finish(tx)?;
    }
    counts.total += read.rejected_rows;
    counts.rejected = read.rejected_rows;
    tx.finish_batch(batch_id, counts.as_batch())?;
    let mut read = read;
    let mut rejected_file = read.file.take();
    if let Some(f) = rejected_file.as_mut() {
        f.flush()?;
    }
    Ok(Some((
        read,
        Some(Written {
            batch_id,
            counts,
            rejected_file,
        }),
    )))
}

/// Why a known case cannot move to the election its row names, if it cannot: its stage (the
/// row's, read as that election's) or its contest as stored (when the row gives none) is not one
/// of that election's.
fn misfit_election(case: &Case, reference: &Reference, line: u64) -> Option<Refused> {
    let e = reference.election(&case.election)?;
    if e.stage(&case.kode_tahapan).is_none() {
        return Some(Refused::Step {
            line,
            column: Some(Column::KodeTahapan),
            issue: crate::import::validate::stage_not_of(e, &case.kode_tahapan),
        });
    }
    let contest = case.kontestasi.as_deref()?;
    crate::import::validate::contest_of(e, contest).err()?;
    // The contest is the stored one (a contest the row gives is read as its election's): the
    // message names no column, since the file may have none.
    Some(Refused::Step {
        line,
        column: None,
        issue: Issue::StoredContestNotOf {
            contest: contest.to_string(),
            election: e.code.clone(),
            contests: e
                .contests
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
        },
    })
}

/// The stored cases' intake numbers, as far as an import looks them up.
struct Stored<'k> {
    /// All of them with their ids, when read at once; else each is looked up.
    ids: Option<&'k HashMap<String, i64>>,
    /// Those not in their key form, by key.
    unusual: &'k HashMap<String, String>,
}

/// A row that writes a stored case's intake number another way.
struct NearStored {
    line: u64,
    value: String,
    stored: String,
}

/// A valid row the stored data refuses: it is not written and the import stops.
enum Refused {
    /// Its intake number is a stored case's written another way.
    Near(NearStored),
    /// A step after forwarding that does not fit the case as stored (its type, its forwarding
    /// date), a status date before the case's last status change, or a move to another election
    /// whose stages or contests the case's do not fit, in the column named.
    Step {
        line: u64,
        column: Option<Column>,
        issue: Issue,
    },
}

impl Refused {
    fn error(self, file: &str) -> Error {
        match self {
            Refused::Near(n) => n.error(file),
            Refused::Step {
                line,
                column,
                issue,
            } => {
                let p = Problem::new(line, column.map(|c| c.name()), issue);
                let file = crate::text::safe(file);
                Error::failed(p.display(&file, Lang::Id), p.display(&file, Lang::En))
            }
        }
    }
}

impl NearStored {
    fn error(self, file: &str) -> Error {
        let (file, value, stored, line) = (
            crate::text::safe(file),
            crate::text::safe(&self.value),
            crate::text::safe(&self.stored),
            self.line,
        );
        {
            let m = Core::NearStored {
                file: file.into_owned(),
                line,
                value: value.into_owned(),
                stored: stored.into_owned(),
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        }
    }
}

/// Writes one valid row: a new case, a changed one, or nothing. A new case gets its first history
/// entry from the [`CaseWriter`], together with the new cases around it. A row whose intake
/// number is a stored one written differently is not written: it is handed back, for the import
/// to stop (merging it could overwrite another case; a new case would be the same one twice).
/// What writing a row needs besides the row.
struct Writing<'a, 't> {
    who: &'a str,
    now: NaiveDateTime,
    stored: &'a Stored<'a>,
    tx: &'a Write<'t>,
    reference: &'a Reference,
}

/// Writes one valid row: a new case, a changed one, or nothing; and its steps after forwarding,
/// each once (those of a new case go to `later`, written when the case is). A row whose intake
/// number is a stored one written differently is not written: it is handed back, for the import
/// to stop (merging it could overwrite another case; a new case would be the same one twice); so is
/// a step that does not fit the case as it is once the row is merged into it.
fn apply(
    cases: &mut CaseWriter<'_>,
    item: Item,
    at: &Writing<'_, '_>,
    counts: &mut Counts,
    later: &mut Later,
) -> Result<std::result::Result<(), Refused>> {
    let Writing {
        who,
        now,
        stored,
        tx,
        reference,
    } = *at;
    let Item {
        case,
        steps,
        chain,
        status_on,
        given,
        line,
    } = item;
    let mut lookup = |nomor: &str| -> Result<Option<(i64, Case)>> {
        match stored.ids {
            Some(ids) => match ids.get(nomor) {
                Some(&id) => Ok(cases.get(id)?.map(|c| (id, c))),
                None => Ok(None),
            },
            None => cases.find(nomor),
        }
    };
    let existing = lookup(&case.nomor)?;
    if existing.is_none() {
        let key = nomor_key(&case.nomor);
        let near = match stored.unusual.get(key.as_ref()) {
            Some(s) => Some(s.clone()),
            None if key != case.nomor => lookup(&key)?.map(|(_, c)| c.nomor),
            None => None,
        };
        if let Some(s) = near.filter(|s| *s != case.nomor) {
            return Ok(Err(Refused::Near(NearStored {
                line,
                value: case.nomor,
                stored: s,
            })));
        }
    }
    // An entry recorded by nobody named (a hand-written line) is the import's.
    let chain: Vec<Transfer> = chain
        .into_iter()
        .map(|r| Transfer {
            on: r.on,
            from: r.from,
            to: r.to,
            kind: r.kind,
            letter: r.letter,
            note: r.note,
            at: r.at.unwrap_or(now),
            by: r.by.unwrap_or_else(|| who.to_string()),
        })
        .collect();
    match existing {
        None => {
            let id = cases.insert(case, status_on)?;
            counts.new += 1;
            if !steps.is_empty() {
                later.steps.push((id, steps));
            }
            if !chain.is_empty() {
                later.chains.push((id, chain));
            }
        }
        Some((id, old)) => {
            let merged = merge(&old, &case, given);
            if merged.election != old.election
                && let Some(refused) = misfit_election(&merged, reference, line)
            {
                return Ok(Err(refused));
            }
            // A change of status is dated by `tanggal_status` when the row gives it (at 00:00,
            // or just after the last change when that was the same day), else by the import.
            let changed_at = match status_on {
                Some(on) if merged.status != old.status => {
                    let last = tx.last_status_change(id)?;
                    match last {
                        Some(last) if last.date() > on => {
                            return Ok(Err(Refused::Step {
                                line,
                                column: Some(Column::TanggalStatus),
                                issue: Issue::StatusDateBefore {
                                    value: on.to_string(),
                                    last: last.date().to_string(),
                                },
                            }));
                        }
                        Some(last) => last.max(on.and_time(NaiveTime::MIN)),
                        None => on.and_time(NaiveTime::MIN),
                    }
                }
                _ => now,
            };
            for f in &steps {
                if let Err(m) = merged.check_follow_up(f) {
                    let (column, issue) = crate::import::validate::misfit(m);
                    return Ok(Err(Refused::Step {
                        line,
                        column: Some(column),
                        issue,
                    }));
                }
            }
            // The row gives the case's steps: a stored one that no longer fits the case (a
            // mistake the row corrects, or one `pantau check` found) is replaced by them.
            let mut stepped = !steps.is_empty() && tx.drop_misfit_steps(id, &merged)? > 0;
            for f in &steps {
                stepped |= tx.write_follow_up(id, f, Some(cases.batch_id()), who, now)?
                    != StepWrite::Unchanged;
            }
            // The row's handling history adds what the database does not hold yet, once: it
            // must hold the stored history first, and so continue it.
            if !chain.is_empty() {
                let held = tx.handling_chain(id)?;
                let key = |t: &Transfer| (t.on, t.from.clone(), t.to.clone(), t.kind);
                let grows = chain.iter().any(|t| !held.iter().any(|h| key(h) == key(t)));
                let continues = held.len() <= chain.len()
                    && held.iter().zip(&chain).all(|(h, t)| key(h) == key(t));
                if grows && !continues {
                    let last = held.last().map_or_else(String::new, |h| {
                        format!("{} {}>{} {}", h.on, h.from, h.to, h.kind.code())
                    });
                    let differs = held
                        .iter()
                        .zip(&chain)
                        .take_while(|(h, t)| key(h) == key(t))
                        .count();
                    return Ok(Err(Refused::Step {
                        line,
                        column: Some(Column::Pelimpahan),
                        issue: Issue::Chain(
                            differs + 1,
                            Box::new(crate::import::problem::ChainFault::Stored { last }),
                        ),
                    }));
                }
                if grows {
                    stepped |= tx.merge_transfers(id, &chain, Some(cases.batch_id()))? > 0;
                }
            }
            if merged == old && !stepped {
                counts.unchanged += 1;
            } else if merged == old {
                counts.changed += 1;
            } else {
                tx.update_case(id, &old, &merged, Some(cases.batch_id()), now)?;
                if merged.status != old.status {
                    let change = StatusChange {
                        from: Some(old.status),
                        to: merged.status,
                        at: changed_at,
                        by: who.to_string(),
                        note: None,
                    };
                    cases.history(id, &change)?;
                }
                counts.changed += 1;
            }
        }
    }
    Ok(Ok(()))
}
