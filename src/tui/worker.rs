//! The TUI's worker thread: its own read-only connection and engine answer generation-tagged
//! requests, and it watches `PRAGMA data_version` for other writers. The only place the TUI queries.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::domain::DeadlineRules;
use crate::engine::live::LiveIndex;
use crate::engine::{CaseDetail, Engine, Group, Headline, Page, PageRequest, RegionRow};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::{Mode, Store};
use crate::view::View;

/// The worker thread's name (the panic hook recognises it).
pub const THREAD: &str = "pantau-worker";

/// How often the worker asks SQLite whether another connection committed.
pub const POLL: Duration = Duration::from_millis(250);

/// One request: what the screen needs, for a view (its as-of date set) on a given day.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Tags the answer; the app drops answers older than what it last asked for.
    pub generation: u64,
    pub view: View,
    /// Today, for relative dates and the as-of date of a view without one.
    pub today: NaiveDate,
    pub need: Need,
}

/// What a request asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Need {
    /// The figures of the dashboard: headline, region table, counts by stage, type and status.
    Counts,
    /// A page of cases; with `position`, also how many cases come before its first row.
    Page { req: PageRequest, position: bool },
    /// One case in full.
    Detail(i64),
}

impl Need {
    /// Requests of the same kind supersede each other.
    fn kind(&self) -> u8 {
        match self {
            Need::Counts => 0,
            Need::Page { .. } => 1,
            Need::Detail(_) => 2,
        }
    }
}

/// The figures of one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub headline: Headline,
    pub regions: Vec<RegionRow>,
    pub stages: Vec<Group>,
    pub types: Vec<Group>,
    pub statuses: Vec<Group>,
}

/// The answer to one request.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Counts(Box<Counts>),
    Page {
        page: Page,
        position: Option<i64>,
    },
    Detail(Option<Box<CaseDetail>>),
    /// The request failed; the message is for the status line.
    Failed(String),
}

/// An answer with the generation of its request.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub generation: u64,
    pub answer: Answer,
}

/// What the worker sends the UI.
#[derive(Debug)]
pub enum Event {
    Reply(Box<Reply>),
    /// Another connection committed.
    DbChanged,
    /// The worker stopped (it could not open the database, or it failed).
    Gone(String),
}

/// The UI's end of the worker: send requests, receive events.
pub struct Worker {
    pub requests: Sender<Request>,
    pub events: Receiver<Event>,
    pub handle: JoinHandle<()>,
}

/// Starts the worker on the database at `path`.
pub fn spawn(path: PathBuf, rules: DeadlineRules, lang: Lang) -> std::io::Result<Worker> {
    let (req_tx, req_rx) = channel::<Request>();
    let (ev_tx, ev_rx) = channel::<Event>();
    let handle = std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || {
            // A panic here must not end the session: it is reported in the status line.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                serve(&path, rules, &req_rx, &ev_tx)
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
            let _ = ev_tx.send(Event::Gone(message));
        })?;
    Ok(Worker {
        requests: req_tx,
        events: ev_rx,
        handle,
    })
}

/// The worker's loop: answer requests (only the newest of each kind), poll for changes.
fn serve(
    path: &std::path::Path,
    rules: DeadlineRules,
    requests: &Receiver<Request>,
    events: &Sender<Event>,
) -> Result<()> {
    let store = Store::open(path, Mode::ReadOnly)?;
    let mut live = LiveIndex::open(&store)?;
    let mut version = store.data_version()?;
    let mut today: Option<NaiveDate> = None;
    let mut engine: Option<Engine<'_>> = None;
    let mut next_poll = Instant::now() + POLL;
    loop {
        match requests.recv_timeout(next_poll.saturating_duration_since(Instant::now())) {
            Ok(first) => {
                let mut batch = vec![first];
                batch.extend(requests.try_iter());
                for req in newest_of_each_kind(batch) {
                    if today != Some(req.today) || engine.is_none() {
                        let mut e = Engine::new(&store, req.today, rules.clone())?;
                        e.set_index(live.get());
                        engine = Some(e);
                        today = Some(req.today);
                    }
                    let Some(engine) = engine.as_ref() else {
                        continue;
                    };
                    let answer = answer(engine, &rules, &req)
                        .unwrap_or_else(|e| Answer::Failed(e.to_string()));
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
            next_poll = Instant::now() + POLL;
        }
    }
}

/// Keeps the last request of each kind, in the order they came: an earlier one is already stale.
fn newest_of_each_kind(batch: Vec<Request>) -> Vec<Request> {
    let mut out: Vec<Request> = Vec::new();
    for req in batch {
        out.retain(|r| r.need.kind() != req.need.kind());
        out.push(req);
    }
    out
}

/// Answers one request with the engine.
pub fn answer(engine: &Engine<'_>, rules: &DeadlineRules, req: &Request) -> Result<Answer> {
    let view = &req.view;
    Ok(match &req.need {
        Need::Counts => {
            let d = engine.dashboard(view, Lang::En)?;
            Answer::Counts(Box::new(Counts {
                headline: d.headline,
                regions: d.regions,
                stages: d.stages,
                types: d.types,
                statuses: d.statuses,
            }))
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(generation: u64, need: Need) -> Request {
        let today = NaiveDate::from_ymd_opt(2024, 2, 2).unwrap_or_default();
        Request {
            generation,
            view: View::default(),
            today,
            need,
        }
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
