//! `pantau simulate`: new cases and status changes at a steady rate until Ctrl-C, SIGTERM or the
//! given duration, one line per event. The events are made in `crate::import::simulate`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::Timelike;

use crate::cli::SimulateArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::domain::election::Election;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::import::simulate::{Event, Simulator};

/// Runs `pantau simulate`.
pub fn run(ctx: &Context, args: &SimulateArgs) -> Result<()> {
    let lang = ctx.lang;
    let cancel = super::stop_on_signals()?;
    // Ctrl-C while waiting for the database: nothing was written, and it says so.
    let store = ctx
        .open_for_writing_within("pantau simulate", args.wait, &cancel)?
        .ok_or_else(super::cancelled)?;
    if !args.force {
        crate::import::simulate::refuse_evidence(&store, lang)?;
    }
    let reference = store.reference()?;
    // The simulator's offices, kecamatan and stories are Kaltim's: in another province's database
    // its cases would name offices the database does not hold.
    if let Some(root) = reference.root()
        && root.kind == "provinsi"
        && root.code != "64"
    {
        let m = |l: Lang| {
            crate::i18n::national::National::SimulateKaltimOnly {
                province: &root.name,
                code: &root.code,
            }
            .text(l)
        };
        return Err(Error::failed(m(Lang::Id), m(Lang::En)));
    }
    let election = election(&store, &reference, args.election.as_deref(), ctx.today)?.clone();
    let wait = Duration::from_secs(args.wait);
    let path = ctx.db.display().to_string();
    let mut waiting = ctx.waiting_for_writer(args.wait);
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    let who = crate::import::os_user(ctx.lang);
    let name = format!("simulate --rate {} --seed {seed}", args.rate);
    let now = chrono::Local::now().naive_local();
    let shift = ctx.today - now.date();
    let Some(mut sim) = Simulator::start(
        &store,
        election,
        seed,
        &who,
        now,
        &name,
        wait,
        &cancel,
        &mut waiting,
    )?
    else {
        // Ctrl-C while waiting to begin: nothing was written.
        return Err(super::cancelled());
    };
    let interval = Duration::from_secs_f64(60.0 / args.rate);
    let started = Instant::now();
    let deadline = args.duration.map(|d| started + d);
    eprintln!(
        "{}",
        Command::SimulateStart {
            election: sim.election().name(lang),
            path: &path,
            rate: &args.rate,
            batch: sim.batch_id
        }
        .text(lang)
    );
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5EED);
    let mut next = started;
    loop {
        // Half to one and a half intervals apart, so arrivals do not tick like a clock.
        next += interval.mul_f64(0.5 + rng.f64());
        if !sleep_until(next, deadline, &cancel) {
            break;
        }
        let now = chrono::Local::now().naive_local();
        let now = now.with_nanosecond(0).unwrap_or(now);
        // Today moves on with the clock, from the day the context gives (PANTAU_TODAY for rehearsals).
        let today = now.date() + shift;
        let event = match sim.step(today, now, &cancel, &mut waiting) {
            Ok(Some(event)) => event,
            Ok(None) => break,
            // What was written before stays, and is summed up before the reason it stopped.
            Err(e) => {
                stopped(&sim, lang);
                return Err(e);
            }
        };
        crate::engine::cache::keep_for_readers(&store);
        println!(
            "{}",
            crate::text::safe(&describe(&event, now, &reference, sim.election(), lang))
        );
    }
    stopped(&sim, lang);
    Ok(())
}

/// "Simulation stopped: 12 new cases, 3 status changes (batch #4)", on standard error.
fn stopped(sim: &Simulator, lang: Lang) {
    use std::io::Write;
    let text = Command::SimulateStopped {
        new: sim.new,
        changed: sim.changed,
        batch: sim.batch_id,
    }
    .text(lang);
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Sleeps until `at` in short steps; `false` if cancelled or the deadline comes first.
fn sleep_until(at: Instant, deadline: Option<Instant>, cancel: &AtomicBool) -> bool {
    loop {
        if cancel.load(Ordering::SeqCst) {
            return false;
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return false;
        }
        if now >= at {
            return true;
        }
        let until = deadline.map_or(at, |d| at.min(d));
        std::thread::sleep((until - now).min(Duration::from_millis(50)));
    }
}

/// The election whose cases a simulation writes: the one `--election` names (code or name in
/// either language), else the election in view today (see docs/elections.md, "The election in
/// view": a view without an election term is of the default election).
fn election<'r>(
    store: &crate::store::Store,
    reference: &'r Reference,
    typed: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<&'r Election> {
    let found = crate::commands::chosen_election(store, reference, typed, today)?;
    found.ok_or_else(|| {
        let known = reference
            .elections
            .iter()
            .map(|e| e.code.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let suggest = |lang: Lang| {
            typed
                .and_then(|t| reference.suggest_election(t))
                .map(|e| format!("{} ({})", e.code, e.name(lang)))
        };
        let text = |lang: Lang| {
            Command::SimulateNoElection {
                typed: typed.unwrap_or_default(),
                known: &known,
                suggestion: suggest(lang).as_deref(),
            }
            .text(lang)
        };
        Error::usage(text(Lang::Id), text(Lang::En))
    })
}

/// One line per event: time, kind, intake number and what happened (the stage named as the
/// case's election names it).
fn describe(
    event: &Event,
    now: chrono::NaiveDateTime,
    reference: &Reference,
    election: &Election,
    lang: Lang,
) -> String {
    let time = now.format("%H:%M:%S");
    match event {
        Event::New(c) => {
            let region = reference
                .region(&c.kode_wilayah)
                .map_or(c.kode_wilayah.clone(), |r| r.display_name(lang));
            let stage = election
                .stage(&c.kode_tahapan)
                .map_or(c.kode_tahapan.as_str(), |s| s.name(lang));
            format!(
                "{time}  {:<7} {}  {} · {} · {} · {}",
                Command::New.text(lang),
                c.nomor,
                c.sumber.label(lang),
                region,
                stage,
                c.status.label(lang)
            )
        }
        Event::Change { nomor, from, to } => {
            format!(
                "{time}  {:<7} {nomor}  {} → {}",
                "status",
                from.label(lang),
                to.label(lang)
            )
        }
    }
}
