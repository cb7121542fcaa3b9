//! How long the demo's synthetic load takes in bulk (what `pantau demo --records N` does: the
//! full-text and change-log insert triggers, and the indexes of the empty `cases`, set aside and
//! their entries written at the end) or with every trigger and index kept row by row.
//! `cargo bench --bench synthetic` (1,000,000 cases), or `cargo bench --bench synthetic -- 200000`.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use pantau::domain::Reference;
use pantau::store::{Mode, Store};

/// The allocator of the pantau binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // `cargo bench` passes `--bench`; the first number given is the count.
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let now = chrono::NaiveDate::from_ymd_opt(2025, 1, 6)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a valid date");
    for bulk in [true, false] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut store =
            Store::open(&dir.path().join("synth.db"), Mode::Create).expect("a new database");
        store
            .load_reference(&Reference::embedded())
            .expect("the reference data");
        let t = Instant::now();
        let written = pantau::demo::synthetic::load(
            &mut store,
            n,
            2024,
            now,
            &mut |_| {},
            &AtomicBool::new(false),
            bulk,
        )
        .expect("the synthetic load");
        assert_eq!(written, n);
        println!(
            "{n} synthetic cases, {}: {:.1} s",
            if bulk {
                "in bulk (triggers and indexes set aside)"
            } else {
                "row by row (triggers and indexes kept)"
            },
            t.elapsed().as_secs_f64()
        );
    }
}
