//! Shared by the tui_* tests: a demo database in a temp folder, and an app driven through the real
//! worker with `wait_idle()` (it waits on the worker's answers, never on a timer).

#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use pantau::domain::{DayCount, DeadlineRules, Reference};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::tui::action::{Action, Command};
use pantau::tui::app::{App, Options};
use pantau::tui::theme::Theme;
use pantau::tui::worker::{self, Event, Worker};
use pantau::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The date of the published figures (47 cases, 22 in the campaign).
pub fn feb2() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 2, 2).unwrap()
}

/// The fixed clock of the tests.
pub fn clock() -> NaiveDateTime {
    feb2().and_hms_opt(14, 32, 5).unwrap()
}

/// Writes the Kaltim demo database into `dir`.
pub fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(&Reference::embedded()).unwrap();
    pantau::demo::write(&mut store, &pantau::demo::kaltim(2024), clock()).unwrap();
    path
}

/// Where the tests keep baselines: beside the database, never in the user's state folder.
pub fn state_dir(db: &Path) -> PathBuf {
    db.with_file_name("state")
}

fn reference_of(db: &Path) -> Reference {
    Store::open(db, Mode::ReadOnly)
        .unwrap()
        .reference()
        .unwrap()
        .as_ref()
        .clone()
}

/// An app on a database, with the real worker.
pub struct Harness {
    pub app: App,
    pub worker: Worker,
    pub db: PathBuf,
    _dir: Option<tempfile::TempDir>,
}

impl Harness {
    /// The app on a fresh demo database as of 2 Feb 2024, at `size`, in `lang`, without colour.
    pub fn demo(size: (u16, u16), lang: Lang) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db(dir.path());
        let mut h = Harness::on(&db, size, lang, View::default());
        h._dir = Some(dir);
        h
    }

    /// The app on `db`.
    pub fn on(db: &Path, size: (u16, u16), lang: Lang, view: View) -> Harness {
        Harness::with(db, size, lang, view, |_| {})
    }

    /// The app on `db`, its start options changed by `change` (a baseline, presenter mode).
    pub fn with(
        db: &Path,
        size: (u16, u16),
        lang: Lang,
        view: View,
        change: impl FnOnce(&mut Options),
    ) -> Harness {
        let reference = Store::open(db, Mode::ReadOnly)
            .unwrap()
            .reference()
            .unwrap();
        let rules = DeadlineRules::new(
            DayCount::Calendar,
            reference.holidays.iter().map(|h| h.date),
        );
        let mut options = Options {
            lang,
            theme: Theme::new(false),
            reference: reference.as_ref().clone(),
            db_label: "demo.db".into(),
            view,
            as_of: Some(feb2()),
            today: feb2(),
            follow_clock: false,
            now: clock(),
            size,
            tiles: pantau::domain::tiles::Tiles::for_database(&reference_of(db)).unwrap(),
            baseline: None,
            present: false,
            cycle: None,
            prefs: Default::default(),
        };
        change(&mut options);
        let worker = worker::spawn_in(db.to_path_buf(), rules, lang, Some(state_dir(db))).unwrap();
        let mut h = Harness {
            app: App::new(options),
            worker,
            db: db.to_path_buf(),
            _dir: None,
        };
        h.wait_idle();
        h
    }

    /// Sends the queued requests and feeds the worker's answers to the app until nothing is awaited.
    pub fn wait_idle(&mut self) {
        loop {
            for req in self.app.take_requests() {
                self.worker.requests.send(req).unwrap();
            }
            if !self.app.is_busy() {
                return;
            }
            let ev = self
                .worker
                .events
                .recv_timeout(Duration::from_secs(30))
                .expect("the worker answers");
            self.feed(ev);
        }
    }

    /// Hands one worker event to the app.
    pub fn feed(&mut self, ev: Event) {
        let action = match ev {
            Event::Reply(r) => Action::Reply(r),
            Event::DbChanged => Action::DbChanged,
            Event::Gone(m) => panic!("the worker stopped: {m}"),
        };
        self.dispatch(action);
    }

    /// Waits for the worker to notice a write by another connection, then for the refresh.
    pub fn wait_for_change(&mut self) {
        loop {
            let ev = self
                .worker
                .events
                .recv_timeout(Duration::from_secs(30))
                .expect("the worker notices the write");
            let changed = matches!(ev, Event::DbChanged);
            self.feed(ev);
            if changed {
                break;
            }
        }
        self.wait_idle();
    }

    /// Handles an action and its follow-ups, then waits for the answers.
    pub fn dispatch(&mut self, action: Action) {
        let mut next = Some(action);
        while let Some(a) = next {
            next = self.app.update(a);
        }
    }

    /// Runs a command and waits for what it asked.
    pub fn run(&mut self, c: Command) {
        self.dispatch(Action::Command(c));
        self.wait_idle();
    }

    /// Presses a key through the keymap, as the terminal would deliver it, and waits.
    pub fn press(&mut self, code: KeyCode) {
        self.press_with(code, KeyModifiers::NONE);
    }

    pub fn press_with(&mut self, code: KeyCode, mods: KeyModifiers) {
        let ev = KeyEvent::new(code, mods);
        if let Some(a) = self.app.keymap().action_for(self.app.mode(), &ev) {
            self.dispatch(a);
        }
        self.wait_idle();
    }

    /// Types characters one key at a time.
    /// Types `spec` into the view editor over what it held, and applies it.
    pub fn apply_view(&mut self, spec: &str) {
        self.press(KeyCode::Char('/'));
        self.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
        self.type_text(spec);
        self.press(KeyCode::Enter);
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// The screen as text, drawn at the app's size.
    pub fn screen(&self) -> String {
        let (w, h) = self.app.size();
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(&self.app, f.area())).unwrap();
        term.backend().to_string()
    }
}

/// Inserts one new case into `db` the way an import would, in a transaction on its own connection.
pub fn insert_case(db: &Path, nomor: &str, region: &str, stage: &str, received: NaiveDate) -> i64 {
    use pantau::domain::{Case, Source, StatusChange};
    let mut store = Store::open(db, Mode::Write).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    let mut case = Case::new("PEMILU2024", nomor, Source::Temuan, region, stage, received);
    case.uraian = "Temuan uji: alat peraga kampanye di halaman sekolah".into();
    let at = received.and_hms_opt(9, 0, 0).unwrap();
    let history = [StatusChange {
        from: None,
        to: case.status,
        at,
        by: "uji".into(),
        note: None,
    }];
    let id = pantau::store::write::insert_case(&tx, &case, &history, None, at).unwrap();
    tx.commit().unwrap();
    id
}

/// Writes `n` synthetic cases into `dir` (for paging through many cases).
pub fn synthetic_db(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("many.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(&Reference::embedded()).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    pantau::demo::synthetic(&mut store, n, 7, clock(), &mut |_| {}, &cancel).unwrap();
    path
}

/// Writes a database for `reference` (another province's, or a national one) into `dir` as
/// `name`, with cases spread over its offices: office i holds i % 4 cases in the campaign, the
/// first of each in the office's first kecamatan.
pub fn tree_db(dir: &Path, reference: &Reference, name: &str) -> PathBuf {
    use pantau::domain::{Case, Source, StatusChange};
    let path = dir.join(name);
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(reference).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    let mut n = 0;
    for (i, r) in reference.regions.iter().enumerate() {
        for k in 0..i % 4 {
            n += 1;
            let received = feb2() - chrono::Duration::days((n % 40) as i64);
            let nomor = format!("{n:03}/TM/{}/2024", r.code);
            let mut case = Case::new(
                "PEMILU2024",
                &nomor,
                Source::Temuan,
                &r.code,
                "KAMPANYE",
                received,
            );
            case.uraian = "Temuan uji: alat peraga kampanye di halaman sekolah".into();
            if k == 0
                && let Some(kec) = reference.kecamatan_in(&r.code).first()
            {
                case.kode_kecamatan = Some(kec.code.clone());
                case.kecamatan = Some(kec.name.clone());
            }
            let at = received.and_hms_opt(9, 0, 0).unwrap();
            let history = [StatusChange {
                from: None,
                to: case.status,
                at,
                by: "uji".into(),
                note: None,
            }];
            pantau::store::write::insert_case(&tx, &case, &history, None, at).unwrap();
        }
    }
    tx.commit().unwrap();
    path
}

/// The reference data of province `code`'s database: its offices from the region tree, the
/// shipped elections without the contests of other provinces' regions.
pub fn province_reference(code: &str) -> Reference {
    if let Some(r) = Reference::for_province(code) {
        return r;
    }
    let base = Reference::embedded();
    let regions = pantau::domain::wilayah::province_regions(code).unwrap();
    let mut elections = base.elections.clone();
    for e in &mut elections {
        e.contests.retain(|c| {
            c.region
                .as_ref()
                .is_none_or(|r| regions.iter().any(|g| &g.code == r))
        });
    }
    Reference::assemble(regions, base.holidays.clone(), elections).unwrap()
}
