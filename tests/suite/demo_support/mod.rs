//! Helpers of the tests that read the demo database through the real binary: the binary sealed
//! on a database at a fixed day, the demo written with a seed, a run that must succeed, the
//! `report --format json` document and its groups.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use crate::sealed;

/// "Today" for the runs on the demo: long after the campaign.
pub const LATER: &str = "2026-11-29";

/// The binary on `db`, sealed (a scratch home, English), on the day [`LATER`].
pub fn pantau(db: &Path) -> Command {
    pantau_at(db, LATER)
}

/// [`pantau`] on the day `today`.
pub fn pantau_at(db: &Path, today: &str) -> Command {
    let mut c = sealed::pantau(&sealed::scratch_home());
    c.env("PANTAU_TODAY", today).arg("--db").arg(db);
    c
}

/// The Kaltim demo written with `seed` (2024 is the one `pantau demo` takes by default), in a
/// file of `dir` named after the seed.
pub fn demo_db(dir: &tempfile::TempDir, seed: u64) -> PathBuf {
    let db = dir.path().join(format!("demo-{seed}.db"));
    pantau(&db)
        .args(["demo", "--seed", &seed.to_string()])
        .assert()
        .success();
    db
}

/// The output of `pantau ARGS` on `db` on the day `today`, which must succeed.
pub fn output_at(db: &Path, today: &str, args: &[&str]) -> Output {
    let out = pantau_at(db, today).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The standard output of `pantau ARGS` on `db` on the day `today`, which must succeed.
pub fn stdout_at(db: &Path, today: &str, args: &[&str]) -> String {
    String::from_utf8(output_at(db, today, args).stdout).unwrap()
}

/// [`stdout_at`] on the day [`LATER`].
pub fn stdout(db: &Path, args: &[&str]) -> String {
    stdout_at(db, LATER, args)
}

/// `pantau report --format json ARGS` on `db`: the document and standard error.
pub fn report_with_stderr(db: &Path, args: &[&str]) -> (Value, String) {
    let all = [&["report", "--format", "json"][..], args].concat();
    let out = output_at(db, LATER, &all);
    (
        serde_json::from_slice(&out.stdout).expect("exactly one JSON object"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `pantau report --format json ARGS` on `db`: the document.
pub fn report_json(db: &Path, args: &[&str]) -> Value {
    report_with_stderr(db, args).0
}

/// A whole number of a document; anything else fails the test.
pub fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("a number: {v}"))
}

/// Every group of a report with its count, by key, those of no case included.
pub fn all_groups(doc: &Value) -> BTreeMap<String, i64> {
    doc["groups"]
        .as_array()
        .unwrap_or_else(|| panic!("no groups in {doc}"))
        .iter()
        .map(|g| (g["key"].as_str().unwrap().to_string(), int(&g["count"])))
        .collect()
}

/// The groups of a report that count a case, by key.
pub fn groups(doc: &Value) -> BTreeMap<String, i64> {
    let mut all = all_groups(doc);
    all.retain(|_, n| *n > 0);
    all
}

/// The count of the group `key` of a report, which must be there.
pub fn group(doc: &Value, key: &str) -> i64 {
    *all_groups(doc)
        .get(key)
        .unwrap_or_else(|| panic!("no key {key}"))
}

/// A map of group keys to counts, as [`groups`] gives it, from its pairs.
pub fn map(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}
