//! Many users at once, for a bounded time: 20 interactive screens refresh live while 2 writers
//! import and 1 simulates; then every case is there once, every history whole, nothing half-seen.

// Built only with the `dev-tools` feature, and ignored even then:
// `cargo test --release --features dev-tools --test soak -- --ignored --nocapture`
// (`PANTAU_SOAK_SECS=600` for ten minutes; 60 by default).

#[path = "suite/sealed/mod.rs"]
mod sealed;
#[path = "suite/tui_support/mod.rs"]
mod tui_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::import::simulate::{Event as SimEvent, Simulator};
use pantau::import::{self, Format, Input, Options};
use pantau::store::{Mode, Store};
use pantau::tui::action::{Action, Command};
use pantau::tui::worker::{Answer, Event};
use pantau::view::View;
use tui_support::Harness;

/// Screens, and writers of each kind.
const SCREENS: usize = 20;
const IMPORTERS: usize = 2;
/// New cases per imported file, all in a stage nothing else writes: a screen counting a number
/// of them that is not a multiple of this saw half an import.
const PER_FILE: usize = 25;
const MARKER_STAGE: &str = "DAPIL_KURSI";

/// Everything that went wrong anywhere, to be empty at the end.
type Failures = Arc<Mutex<Vec<String>>>;

fn fail(failures: &Failures, what: String) {
    failures.lock().unwrap().push(what);
}

/// The writers' clock: 2 Feb 2024 from 08:00, moving with real time, the same for all, so the
/// histories they write are in the order they were written.
#[derive(Clone, Copy)]
struct Clock(Instant);

impl Clock {
    fn today() -> NaiveDate {
        tui_support::feb2()
    }
    fn now(&self) -> NaiveDateTime {
        let start = Self::today().and_hms_opt(8, 0, 0).unwrap();
        let secs = i64::try_from(self.0.elapsed().as_secs()).unwrap();
        start + chrono::Duration::seconds(secs)
    }
}

/// What the importers wrote: each case's intake number and the description it must have now.
type Imported = Arc<Mutex<BTreeMap<String, String>>>;

/// One importer: files of new cases (closed, so the simulation leaves them alone), each also
/// sending some earlier cases again with a new description.
fn importer(
    db: PathBuf,
    n: usize,
    clock: Clock,
    stop: Arc<AtomicBool>,
    imported: Imported,
    failures: Failures,
) -> usize {
    let store = Store::open(&db, Mode::Write).unwrap();
    let reference = store.reference().unwrap();
    let opts = Options {
        ignore_unknown: false,
        skip_invalid: false,
        today: Clock::today(),
        lang: Lang::En,
        election: None,
    };
    let cancel = AtomicBool::new(false);
    let texts = [
        "Pembagian minyak goreng kepada warga",
        "\x1b]0;owned\x07\x1b[2J teks berbahaya",
        "選挙 — alat peraga di sekolah",
        "Se\u{301}kolah 👩‍👩‍👧 \u{202e}exe",
    ];
    let mut files = 0;
    let mut mine: Vec<String> = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        let mut csv =
            String::from("nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian\n");
        let mut rows: Vec<(String, String)> = Vec::new();
        for i in 0..PER_FILE {
            let nomor = format!("{files:05}{i:02}/IMP{n}/PL/2024");
            let uraian = format!("{} #{files}-{i}", texts[(files + i) % texts.len()]);
            rows.push((nomor, uraian));
        }
        for (k, old) in mine.iter().rev().take(5).enumerate() {
            rows.push((old.clone(), format!("diperbarui pada berkas {files} ({k})")));
        }
        for (nomor, uraian) in &rows {
            let region = ["64.71", "64.72", "64.02", "64.11"][nomor.len() % 4];
            csv += &format!(
                "{nomor},laporan,{region},{MARKER_STAGE},2024-01-1{},TIDAK_DIREGISTRASI,\"{}\"\n",
                files % 10,
                uraian.replace('"', "\"\"")
            );
        }
        let input = Input::from_bytes(
            &format!("soak-{n}-{files}.csv"),
            Format::Csv,
            csv.into_bytes(),
        );
        let outcome = (|| -> Result<(), String> {
            let tx = store
                .begin_write(Duration::from_secs(60), &cancel, &mut || {})
                .map_err(|e| e.to_string())?
                .ok_or("cancelled")?;
            let now = clock.now();
            let (checked, written) = import::check_and_write(
                &tx,
                input,
                &reference,
                &opts,
                "soak",
                now,
                &cancel,
                &|_| {},
            )
            .map_err(|e| e.to_string())?
            .ok_or("cancelled")?;
            if written.is_none() {
                return Err(format!("refused: {:?}", checked.problems.first()));
            }
            tx.commit().map_err(|e| e.to_string())
        })();
        match outcome {
            Ok(()) => {
                let mut all = imported.lock().unwrap();
                for (i, (nomor, uraian)) in rows.into_iter().enumerate() {
                    if i < PER_FILE {
                        mine.push(nomor.clone());
                    }
                    all.insert(nomor, uraian);
                }
                files += 1;
            }
            Err(e) => fail(&failures, format!("importer {n}: {e}")),
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    files
}

/// What the simulation wrote: new cases, and status changes (intake number, from, to).
#[derive(Default)]
struct Simulated {
    new: Vec<String>,
    changes: Vec<(String, String, String)>,
}

fn simulator(db: PathBuf, clock: Clock, stop: Arc<AtomicBool>, failures: Failures) -> Simulated {
    let store = Store::open(&db, Mode::Write).unwrap();
    let cancel = AtomicBool::new(false);
    let mut out = Simulated::default();
    let started = Simulator::start(
        &store,
        11,
        "soak",
        clock.now(),
        "soak",
        Duration::from_secs(60),
        &cancel,
        &mut || {},
    );
    let mut sim = match started {
        Ok(Some(sim)) => sim,
        other => {
            fail(&failures, format!("simulator did not start: {other:?}"));
            return out;
        }
    };
    while !stop.load(Ordering::SeqCst) {
        match sim.step(Clock::today(), clock.now(), &cancel, &mut || {}) {
            Ok(Some(SimEvent::New(c))) => out.new.push(c.nomor.clone()),
            Ok(Some(SimEvent::Change { nomor, from, to })) => {
                out.changes
                    .push((nomor, from.code().to_string(), to.code().to_string()))
            }
            Ok(None) => fail(&failures, "simulator cancelled".into()),
            Err(e) => fail(&failures, format!("simulator: {e}")),
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    out
}

/// One screen: the app and its worker, refreshing whenever the database changes, drawn after each
/// answer. Returns how many answers it read.
fn screen(db: PathBuf, n: usize, stop: Arc<AtomicBool>, failures: Failures) -> (u64, u64) {
    let lang = if n.is_multiple_of(2) {
        Lang::Id
    } else {
        Lang::En
    };
    let mut h = Harness::on(&db, (120, 40), lang, View::default());
    if !n.is_multiple_of(2) {
        h.run(Command::Show(pantau::tui::action::Screen::Cases));
    }
    let (mut reads, mut draws) = (0u64, 0u64);
    let check = |h: &Harness, failures: &Failures| {
        if let Some(c) = h.app.counts() {
            let marked = c
                .stages
                .iter()
                .find(|g| g.key == MARKER_STAGE)
                .map_or(0, |g| g.count);
            if marked % PER_FILE as i64 != 0 {
                fail(
                    failures,
                    format!("screen {n} saw {marked} imported cases: half an import"),
                );
            }
        }
    };
    loop {
        let done = stop.load(Ordering::SeqCst);
        for req in h.app.take_requests() {
            if h.worker.requests.send(req).is_err() {
                fail(&failures, format!("screen {n}: the worker stopped"));
                return (reads, draws);
            }
        }
        if done && !h.app.is_busy() {
            return (reads, draws);
        }
        match h.worker.events.recv_timeout(Duration::from_millis(500)) {
            Ok(Event::Reply(r)) => {
                reads += 1;
                if let Answer::Failed(m) = &r.answer {
                    fail(&failures, format!("screen {n}: {m}"));
                }
                h.dispatch(Action::Reply(r));
                check(&h, &failures);
                let _ = h.screen();
                draws += 1;
            }
            Ok(Event::DbChanged) => h.dispatch(Action::DbChanged),
            Ok(Event::Gone(m)) => {
                fail(&failures, format!("screen {n}: worker gone: {m}"));
                return (reads, draws);
            }
            Err(_) => {}
        }
    }
}

fn seconds() -> u64 {
    std::env::var("PANTAU_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60)
}

fn count(store: &Store, sql: &str, p: impl rusqlite::Params) -> i64 {
    store.conn().query_row(sql, p, |r| r.get(0)).unwrap()
}

#[test]
#[ignore = "runs for a minute: cargo test --release --features dev-tools --test soak -- --ignored --nocapture"]
fn twenty_screens_refresh_while_three_writers_import_and_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("soak.db");
    {
        let mut store = Store::open(&db, Mode::Create).unwrap();
        store.load_reference(&Reference::embedded()).unwrap();
    }
    let failures: Failures = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let clock = Clock(Instant::now());
    let imported: Imported = Arc::default();

    let screens: Vec<_> = (0..SCREENS)
        .map(|n| {
            let (db, stop, failures) = (db.clone(), Arc::clone(&stop), Arc::clone(&failures));
            std::thread::spawn(move || screen(db, n, stop, failures))
        })
        .collect();
    let importers: Vec<_> = (0..IMPORTERS)
        .map(|n| {
            let (db, stop, imported, failures) = (
                db.clone(),
                Arc::clone(&stop),
                Arc::clone(&imported),
                Arc::clone(&failures),
            );
            std::thread::spawn(move || importer(db, n, clock, stop, imported, failures))
        })
        .collect();
    let sim = {
        let (db, stop, failures) = (db.clone(), Arc::clone(&stop), Arc::clone(&failures));
        std::thread::spawn(move || simulator(db, clock, stop, failures))
    };

    std::thread::sleep(Duration::from_secs(seconds()));
    stop.store(true, Ordering::SeqCst);
    let files: usize = importers.into_iter().map(|t| t.join().unwrap()).sum();
    let simulated = sim.join().unwrap();
    let (reads, draws) = screens
        .into_iter()
        .map(|t| t.join().unwrap())
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));

    let imported = imported.lock().unwrap();
    let store = Store::open(&db, Mode::Write).unwrap();
    let cases = count(&store, "SELECT count(*) FROM cases", []);
    let history = count(&store, "SELECT count(*) FROM status_history", []);
    println!(
        "soak: {} s, {SCREENS} screens, {reads} answers read, {draws} screens drawn; {files} files \
         imported ({} cases), {} simulated cases and {} status changes; {cases} cases, {history} \
         history entries in the database",
        seconds(),
        imported.len(),
        simulated.new.len(),
        simulated.changes.len()
    );
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} failures, the first: {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
    assert!(
        files > 0 && !simulated.new.is_empty() && reads > 0,
        "everyone worked"
    );

    // Every written case is there exactly once, as last written.
    assert_eq!(cases as usize, imported.len() + simulated.new.len());
    for (nomor, uraian) in imported.iter() {
        let stored: String = store
            .conn()
            .query_row("SELECT uraian FROM cases WHERE nomor = ?1", [nomor], |r| {
                r.get(0)
            })
            .unwrap_or_else(|e| panic!("{nomor}: {e}"));
        assert_eq!(&stored, uraian, "{nomor}");
    }
    for nomor in &simulated.new {
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM cases WHERE nomor = ?1",
                [nomor]
            ),
            1,
            "{nomor}"
        );
    }
    // Every status change has its history entry, and nothing else was added.
    assert_eq!(
        history as usize,
        imported.len() + simulated.new.len() + simulated.changes.len()
    );
    for (nomor, from, to) in &simulated.changes {
        let n = count(
            &store,
            "SELECT count(*) FROM status_history h JOIN cases c ON c.id = h.case_id \
             WHERE c.nomor = ?1 AND h.from_status = ?2 AND h.to_status = ?3",
            [nomor, from, to],
        );
        assert!(n >= 1, "{nomor}: {from} → {to} missing");
    }
    // The file itself: integrity, foreign keys, schema, full-text index, history chains.
    let findings = pantau::commands::check::inspect(&store, Lang::En).unwrap();
    assert!(
        pantau::commands::check::all_well(&findings),
        "{findings:#?}"
    );
    drop(store);
    assert!(Path::new(&db).exists());
}
