//! Elections in view, through the real binary: `pemilihan:`/`election:` and
//! `kontestasi:`/`contest:` in the view language (both languages, suggestions), the default
//! election of a view that names none (among the elections the database holds cases of, on the
//! view's as-of date), `report --by election` and `--by contest`, the `elections` every report's
//! JSON names, and `export` writing every election's cases unless told one.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use crate::demo_support::{demo_db, int, pantau, report_json, stdout};
use pantau::domain::{Case, Source, Status, StatusChange};
use pantau::store::{Mode, Store};

/// The Kaltim demo (47 Pemilu 2024 cases on 2 February 2024).
const SEED: u64 = 2024;

/// The Kaltim demo with its Pemilu 2024 cases alone: the demo's own Pilkada 2024 cases are
/// removed, so the figures below count the few these tests add and nothing else.
fn pemilu_demo(dir: &tempfile::TempDir) -> PathBuf {
    let db = demo_db(dir, SEED);
    let store = Store::open(&db, Mode::Write).unwrap();
    store
        .conn()
        .execute("DELETE FROM cases WHERE election = 'PILKADA2024'", [])
        .unwrap();
    db
}

/// A Pilkada 2024 case to add: number, region, stage, contest, received.
type Pilkada = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

/// Seven Pilkada 2024 cases of the autumn of 2024: three of the governor race, one of the
/// Samarinda race, three without a contest known.
const PILKADA: [Pilkada; 7] = [
    (
        "001/LP/PB/Prov/64.00/IX/2024",
        "64",
        "KAMPANYE",
        Some("GUBERNUR"),
        "2024-09-30",
    ),
    (
        "002/LP/PB/Kota/64.72/X/2024",
        "64.72",
        "KAMPANYE",
        Some("WALIKOTA_SAMARINDA"),
        "2024-10-08",
    ),
    (
        "003/TM/PB/Prov/64.00/X/2024",
        "64",
        "KAMPANYE",
        Some("GUBERNUR"),
        "2024-10-09",
    ),
    (
        "004/TM/PB/Kab/64.02/X/2024",
        "64.02",
        "KAMPANYE",
        None,
        "2024-10-21",
    ),
    (
        "005/LP/PB/Kota/64.71/XI/2024",
        "64.71",
        "MASA_TENANG",
        Some("GUBERNUR"),
        "2024-11-25",
    ),
    (
        "006/LP/PB/Kota/64.71/XI/2024",
        "64.71",
        "PUNGUT_HITUNG",
        None,
        "2024-11-28",
    ),
    (
        "007/TM/PB/Kab/64.01/XII/2024",
        "64.01",
        "REKAPITULASI",
        None,
        "2024-12-02",
    ),
];

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Adds `cases` to the database at `db` as Pilkada 2024's.
fn add_pilkada(db: &Path, cases: &[Pilkada]) {
    let mut store = Store::open(db, Mode::Write).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    for (nomor, region, stage, contest, received) in cases {
        let mut case = Case::new(
            "PILKADA2024",
            nomor,
            Source::Laporan,
            region,
            stage,
            day(received),
        );
        case.kontestasi = contest.map(str::to_string);
        case.uraian = "Dugaan politik uang menjelang pemungutan suara Pilkada".into();
        let at = day(received).and_hms_opt(10, 0, 0).unwrap();
        let history = [StatusChange {
            from: None,
            to: Status::Diterima,
            at,
            by: "uji".into(),
            note: None,
        }];
        pantau::store::write::insert_case(&tx, &case, &history, None, at).unwrap();
    }
    tx.commit().unwrap();
}

/// The demo database with the Pilkada 2024 cases added.
fn both(dir: &tempfile::TempDir) -> PathBuf {
    let db = pemilu_demo(dir);
    add_pilkada(&db, &PILKADA);
    db
}

/// The codes of a report's `elections`.
fn elections(doc: &Value) -> Vec<String> {
    doc["elections"]
        .as_array()
        .unwrap_or_else(|| panic!("no elections in {doc}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// A group's count by key.
fn count(doc: &Value, key: &str) -> i64 {
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == key)
        .map_or_else(|| panic!("no group {key} in {doc}"), |g| int(&g["count"]))
}

fn total(db: &Path, args: &[&str]) -> i64 {
    int(&report_json(db, args)["total"])
}

/// A usage error (exit 2) of `args`: its standard error.
fn refused(db: &Path, args: &[&str]) -> String {
    let out = pantau(db).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    err
}

#[test]
fn a_view_that_names_no_election_counts_the_default_one_of_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    // Pemilu 2024's period alone holds February 2024.
    let doc = report_json(&db, &["--as-of", "2024-02-02"]);
    assert_eq!(elections(&doc), ["PEMILU2024"]);
    assert_eq!(int(&doc["total"]), 47, "the demo's figure still holds");
    // From May 2024 both periods hold: the one voting next, Pilkada 2024, is counted.
    let doc = report_json(&db, &["--as-of", "2024-10-15"]);
    assert_eq!(elections(&doc), ["PILKADA2024"]);
    assert_eq!(int(&doc["total"]), 3, "received by 15 Oct");
    // After every period: the latest, with the cases of both counted apart.
    let doc = report_json(&db, &[]);
    assert_eq!(elections(&doc), ["PILKADA2024"]);
    assert_eq!(int(&doc["total"]), 7);
    let pemilu = total(&db, &["--view", "pemilihan:pemilu2024"]);
    assert_eq!(total(&db, &["--view", "election:all"]), pemilu + 7);
    assert_eq!(total(&db, &["--view", "-pemilihan:pemilu2024"]), 7);
    // The date of a view's per: chooses, as --as-of does.
    let doc = report_json(&db, &["--view", "per:2024-02-02"]);
    assert_eq!(elections(&doc), ["PEMILU2024"]);
}

#[test]
fn a_database_of_pemilu_cases_alone_never_opens_on_an_empty_pilkada() {
    let dir = tempfile::tempdir().unwrap();
    let db = pemilu_demo(&dir);
    for as_of in ["2024-02-02", "2024-10-15", "2026-11-29"] {
        let doc = report_json(&db, &["--as-of", as_of]);
        assert_eq!(elections(&doc), ["PEMILU2024"], "{as_of}");
        assert!(int(&doc["total"]) >= 47, "{as_of}");
    }
    // Naming Pilkada 2024 still counts it: it has no case.
    let doc = report_json(&db, &["--view", "pemilihan:pilkada2024"]);
    assert_eq!(elections(&doc), ["PILKADA2024"]);
    assert_eq!(int(&doc["total"]), 0);
}

#[test]
fn report_by_election_counts_each_in_voting_day_order_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let pemilu = total(&db, &["--view", "pemilihan:pemilu2024"]);
    let doc = report_json(&db, &["--by", "election", "--view", "pemilihan:semua"]);
    assert_eq!(elections(&doc), ["PEMILU2024", "PILKADA2024"]);
    let keys: Vec<&str> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["PEMILU2024", "PILKADA2024"]);
    assert_eq!(count(&doc, "PEMILU2024"), pemilu);
    assert_eq!(count(&doc, "PILKADA2024"), 7);
    assert_eq!(int(&doc["total"]), pemilu + 7);
    // The table names them in the language it is printed in.
    let id = stdout(
        &db,
        &[
            "report",
            "--lang",
            "id",
            "--by",
            "election",
            "--view",
            "pemilihan:semua",
        ],
    );
    assert!(
        id.contains("Pemilu 2024") && id.contains("Pilkada 2024"),
        "{id}"
    );
    assert!(
        id.lines()
            .next()
            .unwrap_or("")
            .contains("· Pemilu 2024, Pilkada 2024 ·"),
        "the title names the elections: {id}"
    );
    let en = stdout(
        &db,
        &["report", "--by", "election", "--view", "election:all"],
    );
    assert!(
        en.contains("2024 General Election") && en.contains("2024 Regional Head Elections"),
        "{en}"
    );
    // A view of one election has one row.
    let doc = report_json(
        &db,
        &[
            "--by",
            "election",
            "--as-of",
            "2024-02-02",
            "--view",
            "pemilihan:pemilu2024",
        ],
    );
    assert_eq!(doc["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(count(&doc, "PEMILU2024"), 47);
    // Asked by election, a view naming none counts every election, not the default one.
    let doc = report_json(&db, &["--by", "election", "--as-of", "2024-02-02"]);
    assert_eq!(
        doc["elections"],
        serde_json::json!(["PEMILU2024", "PILKADA2024"])
    );
    assert_eq!(count(&doc, "PEMILU2024"), 47);
}

#[test]
fn every_report_names_the_elections_it_covers() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let text = stdout(&db, &["report", "--as-of", "2024-02-02"]);
    assert!(
        text.starts_with("Cases by region · 2024 General Election · as of 02/02/2024 · "),
        "{text}"
    );
    let id = stdout(&db, &["report", "--lang", "id", "--recap"]);
    assert!(
        id.lines().next().unwrap_or("").contains("· Pilkada 2024 ·"),
        "{id}"
    );
    for args in [
        &["--recap"][..],
        &["--by", "pekan", "--view", "pemilihan:pilkada2024"][..],
        &["--by", "stage,region"][..],
    ] {
        let doc = report_json(&db, args);
        assert_eq!(elections(&doc), ["PILKADA2024"], "{args:?}");
    }
    let doc = report_json(&db, &["--recap", "--as-of", "2024-02-02"]);
    assert_eq!(elections(&doc), ["PEMILU2024"]);
    assert_eq!(int(&doc["total"]["received"]), 47);
}

#[test]
fn a_contest_filter_and_report_by_contest() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    assert_eq!(total(&db, &["--view", "kontestasi:gubernur"]), 3);
    assert_eq!(
        total(
            &db,
            &[
                "--view",
                "contest:\"Governor of Kalimantan Timur\",walikota_samarinda"
            ]
        ),
        4
    );
    // A case without a contest is in no list, so every exclusion keeps it.
    assert_eq!(total(&db, &["--view", "-kontestasi:gubernur"]), 4);
    // A contest none of the named elections holds could count nothing: refused, naming the
    // election that holds it.
    let out = pantau(&db)
        .args([
            "report",
            "--view",
            "kontestasi:gubernur pemilihan:pemilu2024",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("it is a contest of: pilkada2024"), "{said}");
    let doc = report_json(&db, &["--by", "contest"]);
    assert_eq!(count(&doc, "GUBERNUR"), 3);
    assert_eq!(count(&doc, "WALIKOTA_SAMARINDA"), 1);
    assert_eq!(
        count(&doc, "WALIKOTA_BONTANG"),
        0,
        "every race of the election, zeros included"
    );
    assert_eq!(count(&doc, "NONE"), 3);
    let keys = doc["groups"].as_array().unwrap();
    assert_eq!(keys.len(), 11 + 1, "Pilkada 2024's eleven races and NONE");
    assert_eq!(keys.last().unwrap()["key"], "NONE");
    let text = stdout(&db, &["report", "--by", "contest"]);
    assert!(text.contains("Governor of Kalimantan Timur"), "{text}");
    assert!(text.contains("No contest"), "{text}");
    // Pemilu 2024's demo cases carry no contest: all of them are NONE.
    let doc = report_json(&db, &["--by", "contest", "--as-of", "2024-02-02"]);
    assert_eq!(count(&doc, "NONE"), 47);
    assert_eq!(count(&doc, "PRESIDEN"), 0);
    // Both elections: election by contest.
    let doc = report_json(
        &db,
        &["--by", "election,contest", "--view", "pemilihan:semua"],
    );
    let cell = |a: &str, b: &str| {
        doc["cross"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == a && c["key2"] == b)
            .map(|c| int(&c["count"]))
    };
    assert_eq!(cell("PILKADA2024", "GUBERNUR"), Some(3));
    assert_eq!(cell("PEMILU2024", "GUBERNUR"), Some(0));
}

#[test]
fn a_stage_term_is_that_stage_in_each_election_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let pemilu = total(&db, &["--view", "pemilihan:pemilu2024 tahapan:kampanye"]);
    assert!(pemilu > 0);
    assert_eq!(
        total(&db, &["--view", "pemilihan:pilkada2024 tahapan:kampanye"]),
        4
    );
    assert_eq!(
        total(&db, &["--view", "pemilihan:semua tahapan:kampanye"]),
        pemilu + 4
    );
    // A stage only Pilkada 2024 has is a stage of the language.
    assert_eq!(total(&db, &["--view", "stage:dukungan_perseorangan"]), 0);
    // The default election's stages are the report's rows.
    let doc = report_json(&db, &["--by", "stage"]);
    let keys: Vec<&str> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.first(), Some(&"DUKUNGAN_PERSEORANGAN"));
    assert_eq!(keys.len(), 12);
    assert_eq!(count(&doc, "KAMPANYE"), 4);
}

#[test]
fn a_mistaken_election_or_contest_is_refused_with_a_suggestion_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let err = refused(
        &db,
        &["report", "--view", "region:kukar pemilihan:pilkada2042"],
    );
    assert!(
        err.contains(
            "no election matches \"pilkada2042\" at 24 — did you mean pilkada2024 \
             (2024 Regional Head Elections)?"
        ),
        "{err}"
    );
    let err = refused(
        &db,
        &["report", "--lang", "id", "--view", "kontestasi:gubernr"],
    );
    assert!(
        err.contains("tidak ada kontestasi yang cocok dengan \"gubernr\" di posisi 12"),
        "{err}"
    );
    assert!(err.contains("maksud Anda gubernur"), "{err}");
    let err = refused(&db, &["report", "--view", "electoin:all"]);
    assert!(err.contains("did you mean \"election\"?"), "{err}");
}

#[test]
fn export_writes_every_election_unless_the_view_names_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let rows = |args: &[&str]| {
        let out = stdout(&db, &[&["export", "--format", "jsonl"][..], args].concat());
        out.lines().filter(|l| !l.is_empty()).count() as i64
    };
    let pemilu = total(&db, &["--view", "pemilihan:pemilu2024"]);
    assert_eq!(
        rows(&[]),
        pemilu + 7,
        "an export is the data: every election"
    );
    assert_eq!(rows(&["--view", "pemilihan:pilkada2024"]), 7);
    assert_eq!(rows(&["--view", "election:pemilu2024"]), pemilu);
    assert_eq!(rows(&["--view", "kontestasi:gubernur"]), 3);
    // The database holding both is sound, its index included.
    pantau(&db).arg("check").assert().success();
}

#[test]
fn the_column_index_and_its_cache_carry_each_cases_election_and_contest() {
    use pantau::domain::{DayCount, DeadlineRules};
    use pantau::engine::index::CaseIndex;
    use pantau::engine::{Dim, Engine, cache};
    use pantau::i18n::Lang;
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let db = both(&dir);
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let ix = CaseIndex::build(&store, &reference).unwrap();
    let of = |code: &str| {
        (0..ix.ids.len())
            .filter(|p| ix.election_of(*p) == Some(code))
            .count()
    };
    assert_eq!(of("PILKADA2024"), 7);
    assert_eq!(of("PEMILU2024") + 7, ix.len());
    let gubernur = (0..ix.ids.len())
        .filter(|p| ix.contest_of(*p) == Some("GUBERNUR"))
        .count();
    assert_eq!(gubernur, 3);
    let mut held = ix.elections_with_cases();
    held.sort();
    assert_eq!(held, ["PEMILU2024", "PILKADA2024"]);

    // Written and read back whole; a file of a version before is not read (it is rebuilt).
    let path = dir.path().join("cache").join("index.idx");
    cache::write(&path, &ix).unwrap();
    assert_eq!(cache::read(&path).unwrap(), ix);
    let mut old = std::fs::read(&path).unwrap();
    // Version 3 was written in two layouts (the election in a column of its own, or through the
    // stage): neither is read.
    for version in [3, 2] {
        old[7] = version;
        std::fs::write(&path, &old).unwrap();
        assert!(cache::read(&path).is_err(), "version {version} is refused");
    }

    // The index answers the new terms as SQL does.
    let rules = DeadlineRules::new(DayCount::Working, reference.holidays.iter().map(|h| h.date));
    let today = day("2026-11-29");
    let sql = Engine::new(&store, today, rules.clone()).unwrap();
    let mut fast = Engine::new(&store, today, rules).unwrap();
    fast.set_index(Some(Arc::new(ix.clone())));
    for spec in [
        "",
        "per:2024-02-02",
        "per:2024-10-15",
        "pemilihan:semua",
        "kontestasi:gubernur",
        "-kontestasi:gubernur pemilihan:semua",
        "pemilihan:pilkada2024 tahapan:kampanye urut:tahapan",
        "-pemilihan:pilkada2024 urut:-tahapan",
    ] {
        let view = pantau::view::parse(spec, &reference).unwrap();
        assert_eq!(
            fast.dashboard(&view, Lang::En).unwrap(),
            sql.dashboard(&view, Lang::En).unwrap(),
            "{spec:?}"
        );
        for dims in [(Dim::Election, Dim::Contest), (Dim::Stage, Dim::Pekan)] {
            assert_eq!(
                fast.cross(&view, dims).unwrap(),
                sql.cross(&view, dims).unwrap(),
                "{spec:?} {dims:?}"
            );
        }
        let first = pantau::engine::PageRequest::first(50);
        assert_eq!(
            fast.page(&view, &first).unwrap(),
            sql.page(&view, &first).unwrap(),
            "{spec:?}"
        );
    }
}
