//! Shared by the benchmarks: the sizes to run, the fixed "today", and the synthetic databases,
//! generated once into the target folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use pantau::domain::Reference;
use pantau::store::{Mode, Store};

pub fn sizes() -> Vec<usize> {
    std::env::var("PANTAU_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 11, 30).unwrap_or_default()
}

/// The synthetic database of `n` cases, generated on first use.
pub fn database(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-data");
    let path = dir.join(format!("synthetic-{n}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("bench folder");
    let tmp = dir.join(format!("synthetic-{n}.db.tmp"));
    let _ = std::fs::remove_file(&tmp);
    let mut store = Store::open(&tmp, Mode::Create).expect("create");
    store
        .load_reference(&Reference::embedded())
        .expect("reference");
    let now = today().and_hms_opt(12, 0, 0).unwrap_or_default();
    pantau::demo::synthetic(
        &mut store,
        n,
        2024,
        now,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("synthetic");
    drop(store);
    std::fs::rename(&tmp, &path).expect("rename");
    path
}
