//! The first answer after opening a database: building the column index from every case (on one
//! thread and on two), reading the copy saved in the database and checking it, and the first
//! dashboard of a small database, from the saved index and from SQL alone.
//! `cargo bench --bench cold`; `PANTAU_BENCH_SIZES` picks the large sizes (small ones: 100, 1,000
//! and 10,000 cases always run). Databases are generated once into the target folder.

use std::time::Duration;

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pantau::engine::index::CaseIndex;
use pantau::engine::{Engine, cache};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use support::{database, sizes, today};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The database of `n` cases with its index saved in it, as `demo` and `import` leave it.
fn saved(n: usize) -> std::path::PathBuf {
    let path = database(n);
    let store = Store::open(&path, Mode::Write).expect("open");
    let reference = store.reference().expect("reference");
    cache::save_in_database(&store, &reference).expect("save");
    path
}

fn cold(c: &mut Criterion) {
    // The saved copy is current: every load below reads it (and writes no cache file).
    for n in sizes() {
        let path = saved(n);
        let store = Store::open(&path, Mode::ReadOnly).expect("open");
        let reference = store.reference().expect("reference");
        let mut g = c.benchmark_group(format!("cold/{n}"));
        g.sample_size(10).measurement_time(Duration::from_secs(5));
        g.bench_function("build on one thread", |b| {
            b.iter(|| CaseIndex::build_on_one_thread(&store, &reference).expect("build"))
        });
        g.bench_function("build (two threads from 50,000 cases)", |b| {
            b.iter(|| CaseIndex::build(&store, &reference).expect("build"))
        });
        g.bench_function("saved copy, read and checked", |b| {
            b.iter(|| cache::load(&store, &reference, true).expect("load"))
        });
        g.finish();
    }
}

fn small(c: &mut Criterion) {
    let mut g = c.benchmark_group("small");
    g.sample_size(30).measurement_time(Duration::from_secs(3));
    for n in [100, 1_000, 10_000] {
        let path = saved(n);
        let store = Store::open(&path, Mode::ReadOnly).expect("open");
        g.bench_with_input(BenchmarkId::new("first dashboard, index", n), &n, |b, _| {
            b.iter(|| {
                let mut e = Engine::with_defaults(&store, today()).expect("engine");
                e.use_cached_index(true).expect("index");
                e.dashboard(&pantau::view::View::default(), Lang::En)
                    .expect("dashboard")
            })
        });
        g.bench_with_input(BenchmarkId::new("first dashboard, SQL", n), &n, |b, _| {
            b.iter(|| {
                let e = Engine::with_defaults(&store, today()).expect("engine");
                e.dashboard(&pantau::view::View::default(), Lang::En)
                    .expect("dashboard")
            })
        });
    }
    g.finish();
}

criterion_group!(benches, cold, small);
criterion_main!(benches);
