//! The TUI's worker thread: its own read-only connection and engine answer generation-tagged
//! requests, and it watches `PRAGMA data_version` for other writers. The only place the TUI queries;
//! it also keeps the meeting baseline (a copy of the database) and answers the same views from it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::domain::DeadlineRules;
use crate::engine::campaign;
use crate::engine::index::CaseIndex;
use crate::engine::live::LiveIndex;
use crate::engine::{Dim, Engine, Level};
use crate::error::{Error, Result};
use crate::i18n::core::Core;
use crate::i18n::{Lang, Msg, tr};
use crate::store::baseline::{self, Baseline, Keeper, Op};
use crate::store::{Interrupt, Mode, Store};
use crate::view::View;

pub use crate::tui::data::{Answer, Calendar, Counts, Event, Job, Need, Reply, Request};
use crate::tui::report_file::Setup;

/// The worker thread's name (the panic hook recognises it).
pub const THREAD: &str = "pantau-worker";

/// How often the worker asks SQLite whether another connection committed.
pub const POLL: Duration = Duration::from_millis(250);

/// The UI's end of the worker: send requests, receive events.
pub struct Worker {
    pub requests: Sender<Request>,
    pub events: Receiver<Event>,
    pub handle: JoinHandle<()>,
    cancel: Arc<Cancel>,
}

/// How many kinds of request there are (see `Need::kind`).
const KINDS: usize = 6;

/// What the UI and the worker share so that a superseded query is cancelled, not waited for.
#[derive(Default)]
struct Cancel {
    /// Interrupts the worker's connection (`sqlite3_interrupt`); set once it is open.
    handle: Mutex<Option<Interrupt>>,
    /// The kind (plus one) of the request being answered; 0 when idle.
    busy: AtomicU8,
    /// The newest generation asked for, by kind.
    wanted: [AtomicU64; KINDS],
}

impl Cancel {
    fn superseded(&self, req: &Request) -> bool {
        req.need.supersedes()
            && self.wanted[usize::from(req.need.kind())].load(Ordering::SeqCst) > req.generation
    }
}

impl Worker {
    /// Sends a request; the query of an older request of the same kind still running is
    /// interrupted, since its answer would only be dropped. False when the worker is gone.
    pub fn send(&self, req: Request) -> bool {
        let kind = req.need.kind();
        self.cancel.wanted[usize::from(kind)].fetch_max(req.generation, Ordering::SeqCst);
        // A report being written is never interrupted, not even by another report.
        if req.need.supersedes()
            && self.cancel.busy.load(Ordering::SeqCst) == kind + 1
            && let Ok(h) = self.cancel.handle.lock()
            && let Some(h) = h.as_ref()
        {
            h.interrupt();
        }
        self.requests.send(req).is_ok()
    }
}

/// Starts the worker on the database at `path`, keeping baselines in the user's state folder.
pub fn spawn(path: PathBuf, rules: DeadlineRules, lang: Lang) -> std::io::Result<Worker> {
    spawn_in(path, rules, lang, baseline::default_dir())
}

/// Starts the worker on the database at `path`, keeping baselines in `state` (none without it);
/// it writes no report (it has no reports folder).
pub fn spawn_in(
    path: PathBuf,
    rules: DeadlineRules,
    lang: Lang,
    state: Option<PathBuf>,
) -> std::io::Result<Worker> {
    spawn_polling(path, rules, lang, state, POLL, Setup::default())
}

/// `spawn_in`, asking SQLite for other connections' commits every `poll` (the configuration's
/// `refresh_ms`), and writing the screens' reports as `reports` says.
pub fn spawn_polling(
    path: PathBuf,
    rules: DeadlineRules,
    lang: Lang,
    state: Option<PathBuf>,
    poll: Duration,
    reports: Setup,
) -> std::io::Result<Worker> {
    let (req_tx, req_rx) = channel::<Request>();
    let (ev_tx, ev_rx) = channel::<Event>();
    let cancel = Arc::new(Cancel::default());
    let shared = Arc::clone(&cancel);
    let handle = std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || {
            // A panic here must not end the session: it is reported in the status line.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                serve(
                    &path,
                    state.as_deref(),
                    rules,
                    lang,
                    poll,
                    &req_rx,
                    &ev_tx,
                    &shared,
                    &reports,
                )
            }));
            let message = match outcome {
                Ok(Ok(())) => return,
                Ok(Err(e)) => e.message(lang),
                Err(panic) => panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into()),
            };
            // Said in the status line, and kept in the session's log.
            crate::log::error(&message);
            let _ = ev_tx.send(Event::Gone(message));
        })?;
    Ok(Worker {
        requests: req_tx,
        events: ev_rx,
        handle,
        cancel,
    })
}

/// The worker's loop: answer requests (only the newest of each kind), poll for changes.
#[allow(clippy::too_many_arguments)]
fn serve(
    path: &std::path::Path,
    state: Option<&std::path::Path>,
    rules: DeadlineRules,
    lang: Lang,
    poll: Duration,
    requests: &Receiver<Request>,
    events: &Sender<Event>,
    cancel: &Cancel,
    reports: &Setup,
) -> Result<()> {
    let store = Store::open(path, Mode::ReadOnly)?;
    if let Ok(mut h) = cancel.handle.lock() {
        *h = Some(store.interrupt_handle());
    }
    // Counts come from the column index, kept current below; SQL answers what it cannot.
    let mut live = LiveIndex::open(&store)?;
    if let Some(why) = &live.why_sql {
        crate::log::warn(&format!("counting from SQL: {why}"));
    }
    let keeper = state.map(|dir| Keeper::new(dir, path)).transpose()?;
    let mut base: Option<(Baseline, Store)> = None;
    let mut base_index: Option<Arc<CaseIndex>> = None;
    let mut version = store.data_version()?;
    let mut today: Option<NaiveDate> = None;
    let mut engine: Option<Engine<'_>> = None;
    let mut next_poll = Instant::now() + poll;
    loop {
        match requests.recv_timeout(next_poll.saturating_duration_since(Instant::now())) {
            Ok(first) => {
                let mut batch = vec![first];
                batch.extend(requests.try_iter());
                for req in newest_of_each_kind(batch) {
                    if cancel.superseded(&req) {
                        continue;
                    }
                    if today != Some(req.today) || engine.is_none() {
                        let mut e = Engine::new(&store, req.today, rules.clone())?;
                        e.set_index(live.get());
                        engine = Some(e);
                        today = Some(req.today);
                    }
                    // `is:new` and the rows' mark count from the baseline in force.
                    if let Some(e) = engine.as_mut() {
                        e.set_new_since(base.as_ref().map(|(b, _)| b.at));
                    }
                    let Some(engine) = engine.as_ref() else {
                        continue;
                    };
                    let answer = match &req.need {
                        Need::Baseline(op) => {
                            // A baseline that cannot be set leaves the one in force.
                            let old = base.take();
                            match keep(keeper.as_ref(), *op, &store) {
                                Ok(b) => {
                                    let info = b.as_ref().map(|(info, _)| info.clone());
                                    // The copy never changes: its index is built once.
                                    base_index = match &b {
                                        Some((_, s)) => s
                                            .reference()
                                            .ok()
                                            .and_then(|r| CaseIndex::build(s, &r).ok())
                                            .map(Arc::new),
                                        None => None,
                                    };
                                    base = b;
                                    Ok(Answer::Baseline(info))
                                }
                                Err(e) => {
                                    base = old;
                                    // Said in the user's language (a path, a full disk, a lock).
                                    Ok(Answer::Failed(e.message(lang)))
                                }
                            }
                        }
                        Need::Report(job) => {
                            cancel.busy.store(req.need.kind() + 1, Ordering::SeqCst);
                            Ok(report(engine, &req.view, job, reports, path))
                        }
                        Need::Counts => {
                            cancel.busy.store(req.need.kind() + 1, Ordering::SeqCst);
                            answer(engine, &rules, &req).and_then(|a| {
                                let base = base.as_ref().map(|(_, s)| (s, base_index.clone()));
                                with_base(a, base, engine.new_since(), &rules, &req)
                            })
                        }
                        _ => {
                            cancel.busy.store(req.need.kind() + 1, Ordering::SeqCst);
                            answer(engine, &rules, &req)
                        }
                    };
                    cancel.busy.store(0, Ordering::SeqCst);
                    // Interrupted or not, an answer to a request already replaced is not sent.
                    if cancel.superseded(&req) {
                        continue;
                    }
                    let answer = answer.unwrap_or_else(|e| {
                        crate::log::error(&e.to_string());
                        Answer::Failed(e.message(lang))
                    });
                    let reply = Reply {
                        generation: req.generation,
                        answer,
                    };
                    if events.send(Event::Reply(Box::new(reply))).is_err() {
                        live.save();
                        return Ok(());
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                live.save();
                return Ok(());
            }
        }
        if Instant::now() >= next_poll {
            let now = store.data_version()?;
            if now != version {
                version = now;
                // The engine lets go of the index so that it is updated in place, not copied.
                if let Some(e) = engine.as_mut() {
                    e.set_index(None);
                }
                live.refresh(&store)?;
                if let Some(e) = engine.as_mut() {
                    e.set_index(live.get());
                }
                if events.send(Event::DbChanged).is_err() {
                    live.save();
                    return Ok(());
                }
            }
            next_poll = Instant::now() + poll;
        }
    }
}

/// Keeps the last request of each kind, in the order they came: an earlier one is already stale
/// (but every report is written).
fn newest_of_each_kind(batch: Vec<Request>) -> Vec<Request> {
    let mut out: Vec<Request> = Vec::new();
    for req in batch {
        out.retain(|r| !r.need.supersedes() || r.need.kind() != req.need.kind());
        out.push(req);
    }
    out
}

/// Writes a screen's report of `view` (of the election in view alone when the job says so);
/// the file written, or why not in the job's language.
fn report(
    engine: &Engine<'_>,
    view: &View,
    job: &Job,
    reports: &Setup,
    database: &std::path::Path,
) -> Answer {
    let one = if job.one_election {
        calendar_view(engine, view)
    } else {
        Ok(None)
    };
    let written = one.and_then(|one| {
        let view = one.as_ref().unwrap_or(view);
        let database = database.display().to_string();
        crate::tui::report_file::write(engine, view, job, reports, &database)
    });
    match written {
        Ok(path) => Answer::Written(path),
        Err(e) => {
            crate::log::error(&e.to_string());
            Answer::Failed(e.message(job.lang))
        }
    }
}

/// Carries out a baseline request; without a state folder only `Load` (finding nothing) works.
fn keep(keeper: Option<&Keeper>, op: Op, store: &Store) -> Result<Option<(Baseline, Store)>> {
    match (keeper, op) {
        (Some(k), op) => k.apply(op, store),
        (None, Op::Load | Op::Clear) => Ok(None),
        (None, _) => {
            let m = Msg::TuiBaselineNoFolder;
            Err(Error::failed(tr(Lang::Id, m), tr(Lang::En, m)))
        }
    }
}

/// The figures of one view, the rows of its table of regions those of `area`.
pub fn counts(engine: &Engine<'_>, view: &View, area: &Level) -> Result<Counts> {
    let mut d = engine.dashboard(view, Lang::En)?;
    // The dashboard's own table is a province's (its office and kabupaten/kota).
    if *area != Level::Root || engine.reference().is_national() {
        d.regions = engine.area_table(view, area, Lang::En)?;
    }
    // With several elections in view, the calendar's and the campaign's figures are of the
    // election in view alone.
    let one = calendar_view(engine, view)?;
    let calendar = match &one {
        Some(v) => Some(Calendar {
            election: engine
                .election_in_view(v)?
                .map(|e| e.code.clone())
                .unwrap_or_default(),
            stages: engine.group(v, Dim::Stage, Lang::En)?,
            total: engine.headline(v)?.total,
        }),
        None => None,
    };
    Ok(Counts {
        headline: d.headline,
        regions: d.regions,
        stages: d.stages,
        types: d.types,
        statuses: d.statuses,
        area: area.clone(),
        campaign: campaign::figures(engine, one.as_ref().unwrap_or(view))?,
        held: engine.elections_with_cases()?,
        calendar,
    })
}

/// `view` narrowed to the election in view when it covers several elections (see
/// [`Calendar`]); `None` when it covers one.
fn calendar_view(engine: &Engine<'_>, view: &View) -> Result<Option<View>> {
    if engine.elections_in_view(view)?.len() < 2 {
        return Ok(None);
    }
    let Some(election) = engine.election_in_view(view)? else {
        return Ok(None);
    };
    let mut one = view.clone();
    one.terms
        .retain(|t| !matches!(t.kind, crate::view::TermKind::Election(_)));
    one.terms.push(crate::view::Term {
        negated: false,
        kind: crate::view::TermKind::Election(crate::view::Elections::Codes(vec![
            election.code.clone(),
        ])),
    });
    Ok(Some(one))
}

/// Adds the baseline's figures of the same view to a counts answer.
fn with_base(
    a: Answer,
    base: Option<(&Store, Option<Arc<CaseIndex>>)>,
    since: Option<chrono::NaiveDateTime>,
    rules: &DeadlineRules,
    req: &Request,
) -> Result<Answer> {
    match (a, base) {
        (Answer::Counts { now, .. }, Some((store, index))) => {
            let mut engine = Engine::new(store, req.today, rules.clone())?;
            engine.set_index(index);
            engine.set_new_since(since);
            Ok(Answer::Counts {
                now,
                base: Some(Box::new(counts(&engine, &req.view, &req.area)?)),
            })
        }
        (a, _) => Ok(a),
    }
}

/// Answers one request with the engine (a baseline request is the worker's own, see `serve`).
pub fn answer(engine: &Engine<'_>, rules: &DeadlineRules, req: &Request) -> Result<Answer> {
    let view = &req.view;
    Ok(match &req.need {
        Need::Counts => Answer::Counts {
            now: Box::new(counts(engine, view, &req.area)?),
            base: None,
        },
        Need::Baseline(_) => {
            let m = Core::TuiBaselineElsewhere;
            return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
        }
        Need::Report(_) => {
            let m = crate::i18n::screen_report::ScreenReport::Elsewhere;
            return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
        }
        Need::Page {
            req: page_req,
            position,
        } => {
            let page = engine.page(view, page_req)?;
            let position = match (position, page.prev()) {
                (true, Some(cursor)) => Some(engine.position(view, &cursor)?),
                (true, None) => Some(0),
                (false, _) => None,
            };
            Answer::Page { page, position }
        }
        Need::Detail(id) => Answer::Detail(engine.detail(view, *id, rules)?.map(Box::new)),
        Need::ViewCounts(views) => {
            let mut counts = Vec::with_capacity(views.len());
            for v in views {
                counts.push(match v {
                    Some(v) => Some(engine.headline(v)?.total),
                    None => None,
                });
            }
            Answer::ViewCounts(counts)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::PageRequest;

    fn req(generation: u64, need: Need) -> Request {
        let today = NaiveDate::from_ymd_opt(2024, 2, 2).unwrap_or_default();
        Request {
            generation,
            view: View::default(),
            today,
            need,
            area: Level::Root,
        }
    }

    #[test]
    fn a_newer_request_of_the_same_kind_supersedes_the_one_running() {
        let cancel = Cancel::default();
        let (first, other) = (req(1, Need::Counts), req(1, Need::Detail(7)));
        assert!(!cancel.superseded(&first));
        cancel.wanted[usize::from(Need::Counts.kind())].fetch_max(2, Ordering::SeqCst);
        assert!(
            cancel.superseded(&first),
            "counts #1 is stale once #2 is asked"
        );
        assert!(!cancel.superseded(&other), "another kind is not");
        assert!(!cancel.superseded(&req(2, Need::Counts)));
    }

    #[test]
    fn a_superseded_query_is_interrupted_not_waited_for() {
        // A query that would run for minutes stops at once when the handle interrupts it.
        let store = Store::memory().unwrap_or_else(|e| panic!("{e}"));
        let handle = store.conn().get_interrupt_handle();
        let slow = std::thread::spawn(move || {
            store.conn().query_row(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
                [],
                |r| r.get::<_, i64>(0),
            )
        });
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
        let outcome = slow
            .join()
            .unwrap_or_else(|_| panic!("the query thread panicked"));
        assert!(
            matches!(&outcome, Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::OperationInterrupted),
            "{outcome:?}"
        );
    }

    #[test]
    fn every_report_is_written_whatever_is_asked_after_it() {
        let report = || {
            Need::Report(Box::new(Job {
                ask: crate::report::document::Ask {
                    by: vec![Dim::Region],
                    recap: false,
                },
                pick: crate::report::files::Pick::Main,
                format: crate::report::files::Format::Xlsx,
                lang: Lang::Id,
                stem: "pantau-ringkasan".into(),
                one_election: false,
            }))
        };
        let batch = vec![
            req(1, report()),
            req(2, Need::Counts),
            req(3, report()),
            req(4, Need::Counts),
        ];
        let kept: Vec<u64> = newest_of_each_kind(batch)
            .iter()
            .map(|r| r.generation)
            .collect();
        assert_eq!(kept, vec![1, 3, 4], "both reports, the newest counts");
        let cancel = Cancel::default();
        for kind in 0..KINDS {
            cancel.wanted[kind].fetch_max(9, Ordering::SeqCst);
        }
        assert!(!cancel.superseded(&req(1, report())));
        assert!(cancel.superseded(&req(1, Need::Counts)));
    }

    #[test]
    fn only_the_newest_request_of_each_kind_is_answered() {
        let batch = vec![
            req(1, Need::Counts),
            req(
                2,
                Need::Page {
                    req: PageRequest::first(5),
                    position: false,
                },
            ),
            req(3, Need::Counts),
            req(4, Need::Detail(7)),
        ];
        let kept: Vec<u64> = newest_of_each_kind(batch)
            .iter()
            .map(|r| r.generation)
            .collect();
        assert_eq!(kept, vec![2, 3, 4]);
    }
}
