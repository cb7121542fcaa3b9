//! Schema 6 (cases belong to an election) upgrades the databases earlier versions wrote without
//! changing anything a user sees: every case, status history entry, follow-up step, batch,
//! campaign activity and replaced figure is the same afterwards, every report figure too, every
//! case is Pemilu 2024's, and `pantau check` finds nothing.
//!
//! `tests/fixtures/schema-v2-demo.zip` holds a schema-2 database made by `pantau demo` (seed
//! 2024) with the last version whose schema was 2 (the commit before the index cache's identity
//! check, schema 3), with one case import (that version's `assets/contoh-import.csv`) on top,
//! compacted with `VACUUM` at a 1 KiB page size; beside it, the `report --format json` documents
//! that version printed on it (`report-AS_OF-BY.json`, on the day 2026-11-29).
//!
//! `tests/fixtures/schema-v5-demo.zip` holds a schema-5 database made by `pantau demo` (seed
//! 2024) before schema 6, with one campaign activity correction (`kegiatan import`) and one case
//! import (`assets/contoh-import.csv`) on top, compacted with `VACUUM` at a 1 KiB page size; beside
//! it, the `report --format json` and `kegiatan --format json` documents that version printed on
//! it (`report-AS_OF-BY.json`, on the day 2026-11-29).

use std::path::{Path, PathBuf};

use pantau::Error;
use pantau::domain::election::FIRST_ELECTION;
use pantau::store::{Mode, SCHEMA_VERSION, Store};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use crate::sealed;

/// The tables whose rows an upgrade keeps, as (table, columns of the older version).
fn kept(c: &Connection) -> Vec<(String, Vec<String>)> {
    let tables = [
        "regions",
        "holidays",
        "cases",
        "status_history",
        "import_batches",
        "case_changes",
        "meta",
        "follow_ups",
        "campaign_activities",
        "campaign_activity_history",
    ];
    tables
        .iter()
        .filter_map(|t| {
            let columns: Vec<String> = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (!columns.is_empty()).then(|| (t.to_string(), columns))
        })
        .collect()
}

/// Every row of `table` as text, `columns` only, sorted; of what version 7 adds to a table
/// (the kecamatan of `regions`, the change-log entries of the cases whose kecamatan it
/// resolved), only the rows that were there before.
fn rows(c: &Connection, table: &str, columns: &[String]) -> Vec<String> {
    let only_before = match table {
        "regions" => " WHERE kind <> 'kecamatan'",
        _ => "",
    };
    // Version 7 writes the kecamatan as the region tree spells it where it resolved one: the
    // name is compared by `the_free_text_kecamatan_resolve_where_they_match`, not here.
    let columns: Vec<String> = columns
        .iter()
        .filter(|c| !(table == "cases" && (*c == "kecamatan" || *c == "updated_at")))
        .cloned()
        .collect();
    let mut stmt = c
        .prepare(&format!(
            "SELECT {} FROM {table}{only_before}",
            columns.join(", ")
        ))
        .unwrap();
    let n = columns.len();
    let mut out: Vec<String> = stmt
        .query_map([], |r| {
            Ok((0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    out.sort();
    out
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// Opens `path` with pantau (which upgrades it) and checks that every kept row is as it was and
/// that everything stored is Pemilu 2024's. Returns the number of cases.
fn upgrade_keeps_everything(path: &Path, from: i64) -> i64 {
    let before = {
        let c = read_only(path);
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, from, "the fixture is of schema {from}");
        kept(&c)
            .into_iter()
            .map(|(t, cols)| {
                let r = rows(&c, &t, &cols);
                (t, cols, r)
            })
            .collect::<Vec<_>>()
    };
    let store = Store::open(path, Mode::Write).unwrap();
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.upgraded_from(), Some(from));
    drop(store);

    let c = read_only(path);
    for (table, columns, was) in &before {
        let now = rows(&c, table, columns);
        if table == "case_changes" {
            // Cases whose kecamatan resolved were written, and logged: the log only grew.
            assert!(was.iter().all(|r| now.contains(r)), "{table}: entries lost");
            continue;
        }
        assert_eq!(&now, was, "{table}: the upgrade changed rows");
    }
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let cases = count("SELECT count(*) FROM cases");
    assert!(cases > 0);
    for (table, sql) in [
        (
            "cases",
            "SELECT count(*) FROM cases WHERE election IS NOT 'PEMILU2024'",
        ),
        (
            "cases (contest)",
            "SELECT count(*) FROM cases WHERE kontestasi IS NOT NULL",
        ),
        (
            "stages",
            "SELECT count(*) FROM stages WHERE election IS NOT 'PEMILU2024'",
        ),
        (
            "campaign_methods",
            "SELECT count(*) FROM campaign_methods WHERE election IS NOT 'PEMILU2024'",
        ),
        (
            "campaign_activities",
            "SELECT count(*) FROM campaign_activities WHERE election IS NOT 'PEMILU2024'",
        ),
        (
            "campaign_activity_history",
            "SELECT count(*) FROM campaign_activity_history WHERE election IS NOT 'PEMILU2024'",
        ),
    ] {
        assert_eq!(count(sql), 0, "{table}: all of it is Pemilu 2024's");
    }
    let elections: Vec<String> = c
        .prepare("SELECT code FROM elections")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(elections, [FIRST_ELECTION]);
    let broken = count("SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(broken, 0, "no row points nowhere");
    cases
}

/// `pantau check` on `db` finds no problem.
fn check_is_clean(db: &Path) {
    let out = sealed::pantau(&sealed::scratch_home())
        .args(["check", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("No problems found"), "{text}");
    assert!(
        text.contains(&format!("schema version {SCHEMA_VERSION} (current)")),
        "{text}"
    );
}

/// The schema-5 demo database and what that version printed on it, unpacked into `dir`.
fn unpack_schema_5(dir: &Path) -> PathBuf {
    unpack("schema-v5-demo.zip", dir)
}

/// A fixture archive of `tests/fixtures`, unpacked into `dir`: its database `demo.db`.
fn unpack(name: &str, dir: &Path) -> PathBuf {
    let zip = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    archive.extract(dir).unwrap();
    dir.join("demo.db")
}

/// The figures of a `report --format json` document that every version printed: the total, the
/// headline's counts of the older document, and the count of each group and cross-tab cell by
/// key. (Labels, conventions and keys added later are not figures of the older version.)
fn figures(doc: &Value, headline_keys: &[String]) -> Vec<(String, Value)> {
    let mut out = vec![("total".to_string(), doc["total"].clone())];
    for k in headline_keys {
        out.push((format!("headline.{k}"), doc["headline"][k].clone()));
    }
    for (list, keys) in [("groups", &["key"][..]), ("cross", &["key", "key2"][..])] {
        for g in doc[list].as_array().into_iter().flatten() {
            let key: Vec<String> = keys.iter().map(|k| g[k].to_string()).collect();
            out.push((format!("{list}.{}", key.join("/")), g["count"].clone()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn a_version_one_database_upgrades_with_every_case_and_history_entry_kept() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(&fixture, &path).unwrap();
    assert_eq!(upgrade_keeps_everything(&path, 1), 2);
    check_is_clean(&path);
}

#[test]
fn a_schema_5_demo_database_upgrades_with_every_figure_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = unpack_schema_5(dir.path());
    assert_eq!(upgrade_keeps_everything(&db, 5), 176);
    check_is_clean(&db);

    // Every report and campaign figure schema 5 printed is printed the same.
    let mut compared = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let args: Vec<String> = if let Some(rest) = stem.strip_prefix("report-") {
            let (as_of, by) = rest.split_at(10);
            [
                "report",
                "--format",
                "json",
                "--as-of",
                as_of,
                "--by",
                by.trim_start_matches('-'),
            ]
            .map(String::from)
            .to_vec()
        } else if stem == "kegiatan-history" {
            ["kegiatan", "--history", "--format", "json"]
                .map(String::from)
                .to_vec()
        } else {
            ["kegiatan", "--format", "json"].map(String::from).to_vec()
        };
        let out = sealed::pantau(&sealed::scratch_home())
            .env("PANTAU_TODAY", "2026-11-29")
            .arg("--db")
            .arg(&db)
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut now: Value = serde_json::from_slice(&out.stdout).unwrap();
        let then: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        // Documents now name the elections they are of, which schema 5 did not know: every case
        // is Pemilu 2024's after the upgrade. Reports and `kegiatan` must say so; `kegiatan`
        // puts its figures beside it.
        let elections = now.as_object_mut().and_then(|o| o.remove("elections"));
        if args[0] == "report" || args[0] == "kegiatan" {
            assert!(elections.is_some(), "{args:?} names its elections");
        }
        if let Some(elections) = elections {
            assert_eq!(elections, serde_json::json!(["PEMILU2024"]), "{args:?}");
        }
        if args[0] == "kegiatan" {
            let inner = if stem == "kegiatan-history" {
                "replaced"
            } else {
                "figures"
            };
            now = now[inner].take();
        }
        assert_eq!(now, then, "{args:?}");
        compared += 1;
    }
    assert_eq!(compared, 32, "every document of the fixture is compared");
}

#[test]
fn a_schema_2_demo_database_upgrades_with_every_case_history_and_count_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = unpack("schema-v2-demo.zip", dir.path());
    assert_eq!(upgrade_keeps_everything(&db, 2), 176);
    check_is_clean(&db);

    // Every count schema 2 printed is printed the same: by region, stage, status, source and
    // week, and the cross-tab of region and stage, on three days. (The type dimension is not
    // compared: since schema 2 it counts open cases without a type, and cases closed without
    // one, under their own keys, a change of meaning rather than of data.)
    let mut compared = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_suffix(".json")
            .and_then(|s| s.strip_prefix("report-"))
        else {
            continue;
        };
        let (as_of, by) = rest.split_at(10);
        let by = by.trim_start_matches('-');
        let out = sealed::pantau(&sealed::scratch_home())
            .env("PANTAU_TODAY", "2026-11-29")
            .arg("--db")
            .arg(&db)
            .args(["report", "--format", "json", "--as-of", as_of, "--by", by])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let now: Value = serde_json::from_slice(&out.stdout).unwrap();
        let then: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let keys: Vec<String> = then["headline"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys.len(), 8, "{name}");
        assert_eq!(figures(&now, &keys), figures(&then, &keys), "{name}");
        compared += 1;
    }
    assert_eq!(compared, 18, "every document of the fixture is compared");
}

#[test]
fn an_upgrade_rolled_back_by_a_row_pointing_nowhere_says_so_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = unpack("schema-v2-demo.zip", dir.path());
    let id: i64 = {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "foreign_keys", false).unwrap();
        c.execute(
            "UPDATE cases SET kode_tahapan = 'TIDAK_ADA' WHERE id = (SELECT max(id) FROM cases)",
            [],
        )
        .unwrap();
        c.query_row("SELECT max(id) FROM cases", [], |r| r.get(0))
            .unwrap()
    };
    let run = |locale: &str| {
        let mut c = sealed::pantau(&sealed::scratch_home());
        sealed::locale(&mut c, locale);
        let out = c.arg("--db").arg(&db).arg("init").output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let en = run("C.UTF-8");
    for part in [
        "the upgrade of its schema from version 2 to",
        "was rolled back whole and the file is unchanged",
        &format!("row {id} of table cases refers to a stages row that does not exist"),
        "PRAGMA foreign_key_check",
        "init` again. Until then the pantau that wrote the file still opens it",
    ] {
        assert!(en.contains(part), "{part}: {en}");
    }
    let id_text = run("id_ID.UTF-8");
    for part in [
        "peningkatan skema dari versi 2 ke",
        "dibatalkan seluruhnya dan berkasnya tidak berubah",
        &format!("baris {id} tabel cases merujuk ke baris stages yang tidak ada"),
        "PRAGMA foreign_key_check",
        "init` lagi. Sampai itu, pantau versi yang menulis berkas ini tetap dapat membukanya",
    ] {
        assert!(id_text.contains(part), "{part}: {id_text}");
    }
    let c = read_only(&db);
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 2, "the file stays at schema 2");
}

#[test]
fn a_database_from_a_newer_pantau_is_still_refused_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = unpack_schema_5(dir.path());
    drop(Store::open(&db, Mode::Write).unwrap());
    {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    match Store::open(&db, Mode::Write).unwrap_err() {
        Error::TooNew { found, known, .. } => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {other}"),
    }
}

#[test]
fn an_upgrade_that_would_leave_a_row_pointing_nowhere_is_rolled_back_whole() {
    // A case whose stage is not stored (written with foreign keys off, as the sqlite3 shell
    // does by default) cannot be given an election's stage: the file stays at schema 5.
    let dir = tempfile::tempdir().unwrap();
    let db = unpack_schema_5(dir.path());
    {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "foreign_keys", false).unwrap();
        c.execute(
            "UPDATE cases SET kode_tahapan = 'TIDAK_ADA' WHERE id = (SELECT min(id) FROM cases)",
            [],
        )
        .unwrap();
    }
    let before = {
        let c = read_only(&db);
        kept(&c)
            .into_iter()
            .map(|(t, cols)| rows(&c, &t, &cols))
            .collect::<Vec<_>>()
    };
    let err = Store::open(&db, Mode::Write).unwrap_err();
    assert!(err.to_string().contains("cases"), "{err}");
    let c = read_only(&db);
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 5);
    let after = kept(&c)
        .into_iter()
        .map(|(t, cols)| rows(&c, &t, &cols))
        .collect::<Vec<_>>();
    assert_eq!(after, before);
}

#[test]
fn every_election_of_the_reference_is_stored_and_read_back_and_a_case_keeps_to_its_own() {
    let store = Store::memory().unwrap();
    let reference = store.reference().unwrap();
    assert_eq!(*reference, pantau::domain::Reference::embedded());
    let codes: Vec<&str> = reference
        .elections
        .iter()
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(codes, ["PEMILU2024", "PILKADA2024"]);
    let c = store.conn();
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM stages WHERE code = 'KAMPANYE'"),
        2
    );
    assert_eq!(
        count("SELECT count(*) FROM contests WHERE election = 'PILKADA2024'"),
        11
    );
    // A Pilkada case under a stage only Pemilu 2024 has is refused by the database itself.
    let pemilu_only = reference
        .election(FIRST_ELECTION)
        .unwrap()
        .stages
        .iter()
        .find(|s| {
            reference
                .election("PILKADA2024")
                .unwrap()
                .stage(&s.code)
                .is_none()
        })
        .unwrap()
        .code
        .clone();
    let insert = |election: &str| {
        c.execute(
            "INSERT INTO cases (nomor, sumber, kode_wilayah, kode_tahapan, tanggal_diterima, status, \
             created_at, updated_at, election) VALUES (?1, 'temuan', '64.71', ?2, '2024-10-01', \
             'DITERIMA', '2024-10-01 00:00:00', '2024-10-01 00:00:00', ?3)",
            rusqlite::params![format!("001/{election}"), pemilu_only, election],
        )
    };
    assert!(insert("PILKADA2024").is_err());
    insert(FIRST_ELECTION).unwrap();
}

/// `(nomor, office, kecamatan, kode_kecamatan)` of every case that names a kecamatan.
fn places(c: &Connection, upgraded: bool) -> Vec<(String, String, String, Option<String>)> {
    let code = if upgraded { "kode_kecamatan" } else { "NULL" };
    c.prepare(&format!(
        "SELECT nomor, kode_wilayah, kecamatan, {code} FROM cases \
         WHERE kecamatan IS NOT NULL ORDER BY nomor"
    ))
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Upgrades `db` and checks its free-text kecamatan: each one that names exactly one kecamatan
/// of its office's area has that kecamatan's code and the tree's spelling of the same name; every
/// other keeps its text, and those are exactly what `pantau doctor` lists. Returns how many
/// resolved and how many did not.
fn kecamatan_resolved(db: &Path) -> (usize, usize) {
    use pantau::domain::wilayah::fold_place;
    let before = places(&read_only(db), false);
    drop(Store::open(db, Mode::Write).unwrap());
    let after = places(&read_only(db), true);
    assert_eq!(before.len(), after.len(), "no kecamatan appears or goes");
    let r = pantau::domain::Reference::embedded();
    let mut unresolved = Vec::new();
    for (was, now) in before.iter().zip(&after) {
        assert_eq!((&was.0, &was.1), (&now.0, &now.1));
        match &now.3 {
            Some(code) => {
                let area = r.kecamatan_in(r.handling_region(&now.1));
                let k = area
                    .iter()
                    .find(|k| &k.code == code)
                    .unwrap_or_else(|| panic!("{}: {code} outside {}", now.0, now.1));
                assert_eq!(now.2, k.name, "{}: the tree's spelling", now.0);
                assert_eq!(fold_place(&was.2), fold_place(&k.name), "{}", now.0);
            }
            None => {
                assert_eq!(now.2, was.2, "{}: kept as written", now.0);
                unresolved.push(now.0.clone());
            }
        }
    }
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let listed: Vec<String> = store
        .unresolved_kecamatan()
        .unwrap()
        .into_iter()
        .map(|u| u.nomor)
        .collect();
    assert_eq!(listed, unresolved, "doctor lists exactly those");
    let out = sealed::pantau(&sealed::scratch_home())
        .arg("--db")
        .arg(db)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    if unresolved.is_empty() {
        assert!(
            text.contains("every kecamatan a case names is in the region tree"),
            "{text}"
        );
    } else {
        assert!(
            text.contains(&format!(
                "{} cases name a kecamatan that is not in the region tree: {}",
                unresolved.len(),
                unresolved[0]
            )),
            "{text}"
        );
        assert!(text.contains("import those rows again"), "{text}");
    }
    (before.len() - unresolved.len(), unresolved.len())
}

#[test]
fn the_free_text_kecamatan_resolve_where_they_match() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = dir.path().join("v1.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db"),
        &v1,
    )
    .unwrap();
    let one = kecamatan_resolved(&v1);
    let two = kecamatan_resolved(&unpack("schema-v2-demo.zip", &dir.path().join("v2")));
    let five = kecamatan_resolved(&unpack_schema_5(&dir.path().join("v5")));
    // The demo databases were written when some of the demo's names were spelt otherwise than
    // the tree spells them ("Kongbeng", "Pasir Belengkong"): those stay for doctor to list.
    assert_eq!((one, two, five), ((2, 0), (170, 5), (169, 6)));
}
