//! `pantau report` over a database of two elections: a table whose rows are one election's stages
//! or pekan is refused when the view covers several (two elections' stages share codes, their pekan
//! count from different days), `--by election` leading a cross-tab gives each election its own
//! rows, `--by election` counts every election when the view names none, and every count column
//! is written the same way.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::demo_support::{LATER, demo_db, groups, int, pantau, report_json, stdout};
use crate::sealed;

const ELECTIONS: [&str; 2] = ["PEMILU2024", "PILKADA2024"];

/// The cells of a cross-tab report, per first key, by second key, those counting a case only.
fn cross(doc: &Value) -> BTreeMap<String, BTreeMap<String, i64>> {
    let mut out: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for c in doc["cross"]
        .as_array()
        .unwrap_or_else(|| panic!("no cross in {doc}"))
    {
        let n = int(&c["count"]);
        if n > 0 {
            out.entry(c["key"].as_str().unwrap().to_string())
                .or_default()
                .insert(c["key2"].as_str().unwrap().to_string(), n);
        }
    }
    out
}

/// `pantau report ARGS` on `db` in `locale`: its exit status and standard error.
fn refused(db: &Path, locale: &str, args: &[&str]) -> (Option<i32>, String) {
    let mut c = pantau(db);
    sealed::locale(&mut c, locale);
    let out = c.arg("report").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stages_and_pekan_of_several_elections_are_refused_with_the_ways_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    for by in [
        "stage",
        "pekan",
        "region,stage",
        "pekan,type",
        "stage,election",
    ] {
        for view in ["pemilihan:semua", "election:pemilu2024,pilkada2024"] {
            let (code, err) = refused(&db, "C.UTF-8", &["--by", by, "--view", view]);
            assert_eq!(code, Some(2), "--by {by} --view {view}: {err}");
            let dim = if by.contains("stage") {
                "stage"
            } else {
                "pekan"
            };
            for way in [
                "election:PILKADA2024".to_string(),
                format!("--by election,{dim}"),
            ] {
                assert!(err.contains(&way), "--by {by}: {err}");
            }
            let (code, err) = refused(&db, "id_ID.UTF-8", &["--by", by, "--view", view]);
            assert_eq!(code, Some(2), "--by {by} --view {view}: {err}");
            assert!(err.contains("pemilihan:PILKADA2024"), "{err}");
            assert!(err.contains("beberapa pemilihan"), "{err}");
        }
    }
}

#[test]
fn led_by_election_each_case_is_under_its_own_elections_stage_and_pekan() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let stages = cross(&report_json(
        &db,
        &["--by", "election,stage", "--view", "pemilihan:semua"],
    ));
    let pekan = cross(&report_json(
        &db,
        &[
            "--by",
            "election,pekan",
            "--view",
            "pemilihan:semua tahapan:kampanye",
        ],
    ));
    for e in ELECTIONS {
        let own = groups(&report_json(
            &db,
            &["--by", "stage", "--view", &format!("pemilihan:{e}")],
        ));
        assert_eq!(stages[e], own, "{e}");
        // The pekan report of one election: its campaign-stage cases per pekan and outside.
        let doc = report_json(
            &db,
            &[
                "--by",
                "pekan",
                "--view",
                &format!("pemilihan:{e} tahapan:kampanye"),
            ],
        );
        let mut own: BTreeMap<String, i64> = doc["pekan"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, p)| (k.clone(), int(&p["cases"])))
            .filter(|(_, n)| *n > 0)
            .collect();
        if int(&doc["outside_campaign"]) > 0 {
            own.insert("0".into(), int(&doc["outside_campaign"]));
        }
        assert_eq!(pekan[e], own, "{e}");
    }
    // Pemilu 2024's campaign ran ten pekan and Pilkada 2024's eight: pekan 9 is Pemilu's alone.
    assert!(pekan["PEMILU2024"].contains_key("9"), "{pekan:?}");
    assert!(!pekan["PILKADA2024"].contains_key("9"), "{pekan:?}");
}

#[test]
fn the_pekan_rows_and_the_cases_outside_make_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    for view in [
        "",
        "pemilihan:pemilu2024",
        "pemilihan:pilkada2024",
        "-pemilihan:pemilu2024",
        "pemilihan:pemilu2024 tahapan:kampanye,masa_tenang",
    ] {
        for as_of in ["2024-02-10", "2024-10-20", LATER] {
            let doc = report_json(&db, &["--by", "pekan", "--as-of", as_of, "--view", view]);
            let rows: i64 = doc["pekan"]
                .as_object()
                .unwrap()
                .values()
                .map(|p| int(&p["cases"]))
                .sum();
            assert_eq!(
                rows + int(&doc["outside_campaign"]),
                int(&doc["total"]),
                "{view:?} at {as_of}"
            );
            assert_eq!(doc["elections"].as_array().unwrap().len(), 1, "{view:?}");
        }
    }
}

#[test]
fn by_election_counts_every_election_when_the_view_names_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    for as_of in ["2024-03-01", "2024-12-01", LATER] {
        let doc = report_json(&db, &["--by", "election", "--as-of", as_of]);
        assert_eq!(doc["elections"], serde_json::json!(ELECTIONS), "{as_of}");
        let every = groups(&doc);
        for e in ELECTIONS {
            let own = report_json(
                &db,
                &[
                    "--by",
                    "region",
                    "--as-of",
                    as_of,
                    "--view",
                    &format!("pemilihan:{e}"),
                ],
            );
            assert_eq!(
                every.get(e).copied().unwrap_or(0),
                int(&own["total"]),
                "{e}"
            );
        }
        assert_eq!(int(&doc["total"]), every.values().sum::<i64>());
        // Leading a cross-tab too.
        let doc = report_json(&db, &["--by", "election,source", "--as-of", as_of]);
        assert_eq!(doc["elections"], serde_json::json!(ELECTIONS), "{as_of}");
    }
    // A view naming an election keeps it.
    let doc = report_json(
        &db,
        &["--by", "election", "--view", "pemilihan:pilkada2024"],
    );
    assert_eq!(doc["elections"], serde_json::json!(["PILKADA2024"]));
    // Led by another dimension, a view without an election term is still the default one's.
    let doc = report_json(&db, &["--by", "source,election"]);
    assert_eq!(doc["elections"].as_array().unwrap().len(), 1);
}

#[test]
fn every_count_column_has_the_thousands_separator_of_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let args = ["report", "--by", "pekan", "--view", "pemilihan:pilkada2024"];
    // Pilkada 2024's activities pass a thousand in its third pekan (348 + 463 + 531 = 1,342).
    let en = stdout(&db, &args);
    assert!(en.contains("1,342"), "{en}");
    assert!(!en.contains(" 1342"), "{en}");
    let mut c = pantau(&db);
    sealed::locale(&mut c, "id_ID.UTF-8");
    let id = String::from_utf8(c.args(args).output().unwrap().stdout).unwrap();
    assert!(id.contains("1.342"), "{id}");
    let md = stdout(&db, &[&args[..], &["--format", "md"]].concat());
    assert!(md.contains("| 1,342 |"), "{md}");
    // CSV is data: plain digits.
    let csv = stdout(&db, &[&args[..], &["--format", "csv"]].concat());
    assert!(csv.contains(",1342,"), "{csv}");
    // The other reports' counts are written alike: a table, a cross-tab and the recap.
    let big = dir.path().join("big.db");
    pantau(&big)
        .args(["demo", "--records", "1500"])
        .assert()
        .success();
    for by in ["election", "election,source"] {
        let en = stdout(&big, &["report", "--by", by]);
        assert!(en.contains("1,500"), "--by {by}: {en}");
        let mut c = pantau(&big);
        sealed::locale(&mut c, "id_ID.UTF-8");
        let id =
            String::from_utf8(c.args(["report", "--by", by]).output().unwrap().stdout).unwrap();
        assert!(id.contains("1.500"), "--by {by}: {id}");
        let csv = stdout(&big, &["report", "--by", by, "--format", "csv"]);
        assert!(csv.contains(",1500"), "--by {by}: {csv}");
    }
}
