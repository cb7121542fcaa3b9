//! The TUI at 10k, 100k and 1M cases: from the start of the worker to the first complete
//! dashboard (index from its cache, one pass), and a key that needs no query to the next frame
//! (update plus a full draw) at 80x24 and at a 200x60 projector.
//! `cargo bench --bench tui`; sizes and databases as in `benches/engine.rs`.

use std::path::Path;
use std::time::Duration;

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pantau::domain::tiles::Tiles;
use pantau::domain::{DayCount, DeadlineRules, Reference};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::tui::action::{Action, Command, Screen};
use pantau::tui::app::{App, Options};
use pantau::tui::theme::Theme;
use pantau::tui::worker::{self, Answer, Event, Need, Request, Worker};
use pantau::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{database, sizes, today};

/// The allocator of the pantau binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn rules(reference: &Reference) -> DeadlineRules {
    DeadlineRules::new(
        DayCount::Calendar,
        reference.holidays.iter().map(|h| h.date),
    )
}

/// Waits for the answer to `generation`, handing every event to `app` when there is one.
fn answer_of(worker: &Worker, generation: u64, mut app: Option<&mut App>) -> Answer {
    loop {
        match worker
            .events
            .recv_timeout(Duration::from_secs(120))
            .expect("the worker answers")
        {
            Event::Reply(r) if r.generation == generation => {
                if let Some(app) = app.as_deref_mut() {
                    app.update(Action::Reply(r.clone()));
                }
                return r.answer;
            }
            Event::Gone(m) => panic!("the worker stopped: {m}"),
            _ => {}
        }
    }
}

fn start_to_dashboard(c: &mut Criterion, n: usize, db: &Path, reference: &Reference) {
    let mut g = c.benchmark_group(format!("tui/{n}"));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    // Warm the index cache as an earlier session would have.
    drop(worker::spawn(db.to_path_buf(), rules(reference), Lang::En).expect("worker"));
    g.bench_function("start to first dashboard", |b| {
        b.iter(|| {
            let w = worker::spawn(db.to_path_buf(), rules(reference), Lang::En).expect("worker");
            w.requests
                .send(Request {
                    generation: 1,
                    view: View::default(),
                    today: today(),
                    need: Need::Counts,
                    area: Default::default(),
                })
                .expect("send");
            match answer_of(&w, 1, None) {
                Answer::Counts { .. } => {}
                other => panic!("not counts: {other:?}"),
            }
        })
    });
    g.finish();
}

fn key_to_frame(c: &mut Criterion, n: usize, db: &Path, reference: &Reference) {
    let mut g = c.benchmark_group(format!("tui/{n}/key to frame"));
    g.sample_size(50).measurement_time(Duration::from_secs(3));
    for size in [(80u16, 24u16), (200, 60)] {
        let options = Options {
            lang: Lang::En,
            theme: Theme::new(true),
            reference: reference.clone(),
            db_label: "synthetic.db".into(),
            view: View::default(),
            as_of: None,
            today: today(),
            follow_clock: false,
            now: today().and_hms_opt(12, 0, 0).unwrap_or_default(),
            size,
            tiles: Tiles::embedded(reference).expect("tiles"),
            baseline: None,
            present: false,
            cycle: None,
            prefs: Default::default(),
        };
        let w = worker::spawn(db.to_path_buf(), rules(reference), Lang::En).expect("worker");
        let mut app = App::new(options);
        // Answer everything the app asks for at start, so the screen is complete.
        for _ in 0..4 {
            let reqs = app.take_requests();
            if reqs.is_empty() {
                break;
            }
            for r in reqs {
                let generation = r.generation;
                w.requests.send(r).expect("send");
                answer_of(&w, generation, Some(&mut app));
            }
        }
        let mut term = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
        let name = format!("{}x{}", size.0, size.1);
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("cursor move", &name), &size, |b, _| {
            b.iter(|| {
                let cmd = if down { Command::Down } else { Command::Up };
                down = !down;
                let mut next = Some(Action::Command(cmd));
                while let Some(a) = next {
                    next = app.update(a);
                }
                term.draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        });
        let mut screen = 0;
        g.bench_with_input(BenchmarkId::new("screen switch", &name), &size, |b, _| {
            b.iter(|| {
                screen = (screen + 1) % 2;
                let cmd = if screen == 0 {
                    Command::Show(Screen::Dashboard)
                } else {
                    Command::Show(Screen::Map)
                };
                let mut next = Some(Action::Command(cmd));
                while let Some(a) = next {
                    next = app.update(a);
                }
                term.draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        });
    }
    g.finish();
}

fn tui(c: &mut Criterion) {
    for n in sizes() {
        let db = database(n);
        let reference = Store::open(&db, Mode::ReadOnly)
            .expect("open")
            .reference()
            .expect("reference");
        start_to_dashboard(c, n, &db, &reference);
        key_to_frame(c, n, &db, &reference);
    }
}

criterion_group!(benches, tui);
criterion_main!(benches);
