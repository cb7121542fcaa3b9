//! The engine at 10k, 100k and 1M cases: the whole dashboard of structured and full-text views,
//! the first and a later page of cases, building and loading the column index, and SQL alone
//! (the dashboard, and at 10k and 100k the questions `report` asks: `sql/N`).
//! `cargo bench --bench engine`; `PANTAU_BENCH_SIZES=10000,100000` picks the sizes. Databases are
//! generated once into the target folder (the 1M one takes about half a minute).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pantau::domain::{DayCount, DeadlineRules};
use pantau::engine::index::CaseIndex;
use pantau::engine::{Dim, Engine, PageRequest, cache};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::view::View;
use support::{database, sizes, today};

/// The allocator of the pantau binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The structured views of the dashboard benchmarks, and the full-text ones.
const STRUCTURED: &[&str] = &[
    "",
    "stage:kampanye type:pidana",
    "region:samarinda is:overdue",
    "asof:2024-01-15 status:klarifikasi,kajian",
];
const TEXT: &[&str] = &["\"politik uang\"", "politik* region:balikpapan"];
const SORTS: &[&str] = &["", "sort:-due", "sort:number"];

fn rules(store: &Store) -> DeadlineRules {
    let holidays = store.reference().expect("reference").holidays.clone();
    DeadlineRules::new(DayCount::Calendar, holidays.into_iter().map(|h| h.date))
}

fn parse(store: &Store, spec: &str) -> View {
    pantau::view::parse(spec, &store.reference().expect("reference")).expect("view")
}

fn engine(c: &mut Criterion) {
    for n in sizes() {
        let path = database(n);
        let store = Store::open(&path, Mode::ReadOnly).expect("open");
        let reference = store.reference().expect("reference");
        let index = Arc::new(CaseIndex::build(&store, &reference).expect("index"));
        let mut indexed = Engine::new(&store, today(), rules(&store)).expect("engine");
        indexed.set_index(Some(Arc::clone(&index)));
        let sql = Engine::new(&store, today(), rules(&store)).expect("engine");

        let mut g = c.benchmark_group(format!("dashboard/{n}"));
        g.sample_size(20).measurement_time(Duration::from_secs(3));
        for spec in STRUCTURED.iter().chain(TEXT) {
            let view = parse(&store, spec);
            let name = if spec.is_empty() { "(all)" } else { spec };
            g.bench_with_input(BenchmarkId::new("index", name), &view, |b, v| {
                b.iter(|| indexed.dashboard(v, Lang::En).expect("dashboard"))
            });
            if n <= 100_000 {
                g.bench_with_input(BenchmarkId::new("sql", name), &view, |b, v| {
                    b.iter(|| sql.dashboard(v, Lang::En).expect("dashboard"))
                });
            }
        }
        g.finish();

        // The SQL path alone (no column index), as `report` asks it: the groups of one
        // dimension and the headline, or a cross-tab as well.
        if n <= 100_000 {
            let mut g = c.benchmark_group(format!("sql/{n}"));
            g.sample_size(10).measurement_time(Duration::from_secs(3));
            let questions: [(&str, &str, Dim, Option<Dim>); 5] = [
                ("by region", "", Dim::Region, None),
                ("by region,status", "", Dim::Region, Some(Dim::Status)),
                ("by type, stage:kampanye", "stage:kampanye", Dim::Type, None),
                ("by status, asof", "asof:2024-02-02", Dim::Status, None),
                ("by pekan", "stage:kampanye", Dim::Pekan, None),
            ];
            for (name, spec, first, second) in questions {
                let view = parse(&store, spec);
                g.bench_with_input(BenchmarkId::new("report", name), &view, |b, v| {
                    b.iter(|| {
                        sql.group(v, first, Lang::En).expect("group");
                        sql.headline(v).expect("headline");
                        if let Some(second) = second {
                            sql.cross(v, (first, second)).expect("cross");
                        }
                    })
                });
            }
            g.finish();
        }

        let mut g = c.benchmark_group(format!("page/{n}"));
        g.sample_size(20).measurement_time(Duration::from_secs(3));
        for sort in SORTS {
            for spec in ["", "stage:kampanye type:pidana"] {
                let view = parse(&store, &format!("{spec} {sort}"));
                let name = format!("{spec} {sort}").trim().to_string();
                let first = PageRequest::first(50);
                g.bench_with_input(BenchmarkId::new("first", &name), &view, |b, v| {
                    b.iter(|| indexed.page(v, &first).expect("page"))
                });
                // A page deep in the list: after 20 pages of 50.
                let mut req = PageRequest::first(50);
                for _ in 0..20 {
                    let page = indexed.page(&view, &req).expect("page");
                    req.anchor = page.next();
                }
                g.bench_with_input(BenchmarkId::new("later", &name), &view, |b, v| {
                    b.iter(|| indexed.page(v, &req).expect("page"))
                });
            }
        }
        g.finish();

        let mut g = c.benchmark_group(format!("index/{n}"));
        g.sample_size(10).measurement_time(Duration::from_secs(5));
        g.bench_function("build", |b| {
            b.iter(|| CaseIndex::build(&store, &reference).expect("index"))
        });
        let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-data/index-{n}.idx"));
        cache::write(&file, &index).expect("write cache");
        g.bench_function("load cache", |b| {
            b.iter(|| cache::read(&file).expect("read cache"))
        });
        g.bench_function("refresh, nothing changed", |b| {
            let mut ix = (*index).clone();
            b.iter(|| ix.refresh(&store, &reference).expect("refresh"))
        });
        g.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
