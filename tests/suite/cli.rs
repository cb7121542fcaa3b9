//! The command-line contract, through the real binary: exit codes, messages, the report JSON,
//! and the published figures out of the demo database.

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::demo_support::{demo_db, group, pantau, report_json};
use crate::sealed;

#[test]
fn init_creates_the_database_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x/p.db");
    pantau(&db)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("11 regions"));
    pantau(&db)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
    pantau(&db)
        .args(["--lang", "id", "init"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tidak ada perubahan"));
}

#[test]
fn the_demo_reproduces_the_published_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let by_stage = report_json(&db, &["--as-of", "2024-02-02", "--by", "stage"]);
    assert_eq!(by_stage["as_of"], "2024-02-02");
    assert_eq!(by_stage["by"], "stage");
    assert_eq!(by_stage["view"], "");
    assert_eq!(by_stage["total"], 47);
    assert_eq!(group(&by_stage, "KAMPANYE"), 22);
    assert_eq!(
        by_stage["groups"].as_array().unwrap().len(),
        13,
        "every stage, zeros included"
    );

    let by_source = report_json(&db, &["--as-of", "2023-12-31", "--by", "source"]);
    assert_eq!(by_source["total"], 23);
    assert_eq!(group(&by_source, "temuan"), 14);
    assert_eq!(group(&by_source, "laporan"), 9);
    assert_eq!(by_source["headline"]["registered"], 17);

    let by_region = report_json(&db, &["--as-of", "2024-02-02", "--by", "region"]);
    assert_eq!(by_region["groups"].as_array().unwrap().len(), 11);
    for (code, n) in [
        ("64", 6),
        ("64.71", 14),
        ("64.72", 4),
        ("64.74", 6),
        ("64.02", 5),
        ("64.08", 5),
        ("64.01", 3),
        ("64.09", 2),
        ("64.03", 1),
        ("64.07", 1),
        ("64.11", 0),
    ] {
        assert_eq!(group(&by_region, code), n, "region {code}");
    }
    let kampanye = report_json(&db, &["--as-of", "2024-02-09", "--by", "stage"]);
    assert_eq!(
        group(&kampanye, "KAMPANYE"),
        22,
        "no campaign case between 3 and 9 Feb"
    );
}

#[test]
fn report_json_labels_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let id = report_json(
        &db,
        &["--lang", "id", "--as-of", "2024-02-02", "--by", "stage"],
    );
    let kampanye = id["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "KAMPANYE")
        .unwrap()
        .clone();
    assert_eq!(kampanye["label"], "Masa kampanye");
    let en = report_json(
        &db,
        &["--lang", "en", "--as-of", "2024-02-02", "--by", "stage"],
    );
    let kampanye = en["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "KAMPANYE")
        .unwrap()
        .clone();
    assert_eq!(kampanye["label"], "Campaign period");
}

#[test]
fn the_table_report_has_a_total_row_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    pantau(&db)
        .args([
            "--lang",
            "id",
            "report",
            "--as-of",
            "02/02/2024",
            "--by",
            "stage",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("per 02/02/2024"))
        .stdout(predicate::str::is_match(r"(?m)^Jumlah\s+47$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^KAMPANYE\s+Masa kampanye\s+22$").unwrap());
}

#[test]
fn table_reports_are_plain_ascii_where_the_locale_is_and_data_formats_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let run = |locale: &str, args: &[&str]| {
        let mut c = pantau(&db);
        sealed::locale(&mut c, locale);
        let out = c
            .args(["--lang", "id", "report", "--as-of", "2024-01-10"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    for args in [&["--by", "pekan"][..], &["--by", "region"], &["--recap"]] {
        let plain = run("C", args);
        assert!(plain.is_ascii(), "{args:?}: {plain}");
        assert!(
            plain.contains("---"),
            "{args:?}: the rule is drawn with ASCII"
        );
        let utf8 = run("C.UTF-8", args);
        assert!(utf8.contains('─'), "{args:?}: {utf8}");
    }
    let plain = run("C", &["--by", "pekan"]);
    assert!(
        plain.contains("Pekan ke-1 (28 Nov - 4 Des 2023)"),
        "{plain}"
    );
    // Data formats are data: the dates keep their dash whatever the terminal.
    let md = run("C", &["--by", "pekan", "--format", "md"]);
    assert!(md.contains("Pekan ke-6 (2–8 Jan 2024)"), "{md}");
}

#[test]
fn demo_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let before = std::fs::read(&db).unwrap();
    pantau(&db).arg("demo").assert().code(1).stderr(
        predicate::str::contains("already exists").and(predicate::str::contains("--force")),
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    pantau(&db)
        .args(["demo", "--force", "--seed", "8"])
        .assert()
        .success();
}

#[test]
fn demo_force_never_replaces_a_file_that_is_not_pantaus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thesis.docx");
    std::fs::write(&db, b"PK\x03\x04 not a database").unwrap();
    pantau(&db)
        .args(["demo", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "thesis.docx exists and is not a pantau database; --force replaces only a pantau \
             database: choose another path, or move that file away first",
        ));
    assert_eq!(std::fs::read(&db).unwrap(), b"PK\x03\x04 not a database");
}

#[test]
fn demo_force_waits_for_a_write_in_progress_before_replacing_the_database() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    // Another process's transaction (an import) holds the write lock, writing for a while.
    let locked = std::sync::Arc::new(std::sync::Barrier::new(2));
    let finishing = std::sync::Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, locked, finishing) = (db.clone(), locked.clone(), finishing.clone());
        std::thread::spawn(move || {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute_batch(
                "BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('tulis', '1');",
            )
            .unwrap();
            locked.wait();
            std::thread::sleep(std::time::Duration::from_secs(2));
            finishing.store(true, Ordering::SeqCst);
            c.execute_batch("COMMIT").unwrap();
        })
    };
    locked.wait();
    pantau(&db)
        .args(["demo", "--force", "--seed", "8"])
        .assert()
        .success();
    // The new file went in only once that transaction was over: it was not written into a
    // file that had already been swapped out from under it.
    assert!(
        finishing.load(Ordering::SeqCst),
        "demo --force replaced the database while another process was writing it"
    );
    writer.join().unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let marker: i64 = c
        .query_row("SELECT count(*) FROM meta WHERE key = 'tulis'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(marker, 0, "the database is not the new one");
}

#[test]
fn the_same_seed_gives_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    for db in [&a, &b] {
        pantau(db).args(["demo", "--seed", "11"]).assert().success();
    }
    let export = |db: &Path| {
        pantau(db)
            .args(["export", "--format", "jsonl"])
            .output()
            .unwrap()
            .stdout
    };
    let ea = export(&a);
    assert!(ea.len() > 10_000);
    assert_eq!(ea, export(&b));
}

#[test]
fn export_to_dash_writes_standard_output_and_no_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let plain = pantau(&db).args(["export"]).output().unwrap();
    let dash = pantau(&db)
        .current_dir(dir.path())
        .args(["export", "-o", "-"])
        .output()
        .unwrap();
    assert!(dash.status.success());
    assert!(plain.stdout.len() > 10_000);
    assert_eq!(dash.stdout, plain.stdout);
    assert!(!dir.path().join("-").exists());
    assert!(!dir.path().join("-.provenance.json").exists());
    // `/dev/stdout` (a link pantau would never write through) means the same.
    let dev = pantau(&db)
        .args(["export", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert!(
        dev.status.success(),
        "{}",
        String::from_utf8_lossy(&dev.stderr)
    );
    assert_eq!(dev.stdout, plain.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db).arg("init").assert().success();
    pantau(&db)
        .args(["report", "--by", "colour"])
        .assert()
        .code(2);
    pantau(&db).args(["report", "--bogus"]).assert().code(2);
    pantau(&db)
        .args(["report", "--as-of", "2024-13-45"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2024-13-45"));
}

#[test]
fn runtime_errors_exit_1_and_name_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.db");
    pantau(&missing)
        .arg("report")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("absent.db").and(predicate::str::contains("pantau demo")));
    assert!(!missing.exists(), "a report never creates a database");

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "hello").unwrap();
    pantau(&junk)
        .arg("report")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a SQLite database"));
    assert_eq!(std::fs::read(&junk).unwrap(), b"hello");

    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    pantau(&blocker.join("sub/p.db"))
        .arg("init")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot create the folder"));
}

#[test]
fn read_only_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db).arg("init").assert().success();
    pantau(&db)
        .args(["--read-only", "init"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("read-only"));
    pantau(&db)
        .args(["--read-only", "demo", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("read-only"));
    pantau(&db)
        .args(["--read-only", "report"])
        .assert()
        .success();
    let fresh = dir.path().join("never.db");
    pantau(&fresh)
        .args(["--read-only", "init"])
        .assert()
        .code(1);
    assert!(!fresh.exists());
}

#[test]
fn the_db_path_comes_from_the_environment_or_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    sealed::pantau(&dir.path().join("home"))
        .env("PANTAU_DB", &db)
        .arg("init")
        .assert()
        .success();
    assert!(db.exists());
    let home = dir.path().join("home");
    sealed::pantau(&home)
        .env_remove("XDG_DATA_HOME")
        .arg("init")
        .assert()
        .success();
    assert!(home.join(".local/share/pantau/pantau.db").exists());
}

#[test]
fn a_view_with_a_typo_names_the_spot_and_the_nearest_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db).arg("init").assert().success();
    pantau(&db)
        .args(["report", "--view", "stage:kampanye regoin:kukar"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            r#"unknown key "regoin" at 16 — did you mean "region"?"#,
        ))
        .stderr(predicate::str::contains("\n                 ^"));
    pantau(&db)
        .args(["--lang", "id", "report", "--view", "region:samarindah"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("maksud Anda Samarinda (64.72)?"));
    pantau(&db)
        .args(["export", "--view", "is:lewatt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is:"));
}

#[test]
fn views_narrow_the_published_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = report_json(
        &db,
        &["--as-of", "2024-02-02", "--view", "region:balikpapan"],
    );
    assert_eq!(doc["total"], 14);
    assert_eq!(doc["view"], "region:balikpapan");
    let doc = report_json(
        &db,
        &[
            "--as-of",
            "2024-02-02",
            "--view",
            "wilayah:64.71 tahapan:kampanye",
            "--by",
            "type",
        ],
    );
    assert_eq!(doc["total"], 8);
    let doc = report_json(
        &db,
        &["--view", "per:2024-02-02 -stage:kampanye", "--by", "stage"],
    );
    assert_eq!(doc["total"], 25);
    assert_eq!(doc["as_of"], "2024-02-02");
    let cross = report_json(&db, &["--as-of", "2024-02-02", "--by", "region,stage"]);
    let cells = cross["cross"].as_array().unwrap();
    assert_eq!(cells.len(), 11 * 13, "every pair, zeros included");
    let bpp_kampanye = cells
        .iter()
        .find(|c| c["key"] == "64.71" && c["key2"] == "KAMPANYE")
        .unwrap();
    assert_eq!(bpp_kampanye["count"], 8);
}

#[test]
fn report_formats_csv_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    pantau(&db)
        .args([
            "report",
            "--as-of",
            "2024-02-02",
            "--by",
            "source",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Code,Source,Cases\ntemuan,Temuan,29\nlaporan,Laporan,18\nTotal,,47\n",
        ));
    pantau(&db)
        .args([
            "report",
            "--as-of",
            "2024-02-02",
            "--by",
            "source",
            "--format",
            "md",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Code | Source | Cases |\n| --- | --- | ---: |\n| temuan | Temuan | 29 |",
        ))
        .stdout(predicate::str::contains("| **Total** |"));
}

#[test]
fn export_is_byte_identical_for_the_same_view_and_writes_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    for out in [&a, &b] {
        pantau(&db)
            .args([
                "export",
                "--view",
                "stage:kampanye sort:-received",
                "--as-of",
                "2024-02-02",
                "-o",
            ])
            .arg(out)
            .assert()
            .success();
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("nomor,nomor_registrasi,sumber,kode_wilayah,")
    );
    assert_eq!(
        csv::Reader::from_reader(bytes.as_slice()).records().count(),
        22
    );
    let prov: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("a.csv.provenance.json")).unwrap())
            .unwrap();
    assert_eq!(prov["rows"], 22);
    assert_eq!(prov["view"], "stage:kampanye sort:-received");
    assert_eq!(prov["as_of"], "2024-02-02");
    use sha2::Digest;
    assert_eq!(
        prov["sha256"],
        format!("{:x}", sha2::Sha256::digest(&bytes))
    );

    let jsonl = pantau(&db)
        .args([
            "export",
            "--format",
            "jsonl",
            "--view",
            "region:samarinda",
            "--as-of",
            "2024-02-02",
        ])
        .output()
        .unwrap();
    let rows: Vec<Value> = jsonl
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r["kode_wilayah"] == "64.72"));
    let json = pantau(&db)
        .args([
            "export",
            "--format",
            "json",
            "--view",
            "region:samarinda",
            "--as-of",
            "2024-02-02",
        ])
        .output()
        .unwrap();
    let arr: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 4);
}

/// The long flags `pantau ARGS --help` offers.
fn offered(args: &[&str]) -> Vec<String> {
    let out = sealed::pantau(&sealed::scratch_home())
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("-o, ");
            l.starts_with("--")
                .then(|| l.split([' ', ',']).next().unwrap_or(l).to_string())
        })
        .collect()
}

#[test]
fn each_command_s_help_opens_with_the_description_the_command_list_gives_it() {
    // A subcommand's flags are added only once it is typed: its own help, its manual page and
    // the list of commands must still agree on what it does.
    let run = |args: &[&str]| {
        let out = sealed::pantau(&sealed::scratch_home())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let list = run(&["--help"]);
    let names = run(&["man", "--list"]);
    let mut checked = 0;
    for name in names.lines() {
        let listed = list
            .lines()
            .find_map(|l| {
                let l = l.trim_start();
                l.strip_prefix(name)
                    .filter(|rest| rest.starts_with("  "))
                    .map(|rest| rest.trim().to_string())
            })
            .unwrap_or_else(|| panic!("{name} not in the command list:\n{list}"));
        // The first words: a long description is wrapped at other places in each.
        let opening = listed.split(' ').take(4).collect::<Vec<_>>().join(" ");
        let help = run(&[name, "--help"]);
        assert!(
            help.lines().next().unwrap_or("").starts_with(&opening),
            "pantau {name} --help: {opening:?}\n{help}"
        );
        let page = run(&["man", name]);
        assert!(
            page.contains(&opening.replace('-', "\\-").replace('\'', "\\*(Aq")),
            "pantau man {name}: {opening:?}"
        );
        checked += 1;
    }
    assert!(checked >= 15, "{names}");
    // And every flag is there: those of a subcommand, in its help and its completions.
    assert!(offered(&["report"]).contains(&"--by".to_string()));
    let bash = run(&["completions", "bash"]);
    assert!(bash.contains("--skip-invalid") && bash.contains("--records"));
}

#[test]
fn each_command_offers_only_the_flags_that_mean_something_there() {
    let screen = ["--theme", "--ascii"];
    let data = ["--db", "--demo", "--lang", "--config", "--ignore-config"];
    // (arguments, flags it must offer, flags it must not)
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        (
            &[],
            &[
                "--theme",
                "--ascii",
                "--deadline-days",
                "--view",
                "--read-only",
            ],
            &["--cycle"],
        ),
        (
            &["present"],
            &["--theme", "--ascii", "--cycle", "--view", "--as-of"],
            &[],
        ),
        (&["report"], &["--deadline-days", "--view", "--db"], &screen),
        (&["export"], &["--deadline-days", "--view", "--db"], &screen),
        (
            &["simulate"],
            &["--db", "--read-only"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["import"],
            &["--db", "--read-only"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["init"],
            &["--db"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["demo"],
            &["--db"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["batches"],
            &["--db"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["backup"],
            &["--db"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["check"],
            &["--db", "--read-only"],
            &["--theme", "--ascii", "--deadline-days"],
        ),
        (
            &["doctor"],
            &["--theme", "--ascii", "--db"],
            &["--read-only", "--deadline-days"],
        ),
        (
            &["config"],
            &["--theme", "--ascii", "--deadline-days"],
            &["--read-only"],
        ),
        (&["completions"], &[], &data),
    ];
    for (args, wanted, unwanted) in cases {
        let flags = offered(args);
        for f in *wanted {
            assert!(
                flags.iter().any(|x| x == f),
                "pantau {args:?} lacks {f}: {flags:?}"
            );
        }
        for f in *unwanted {
            assert!(!flags.iter().any(|x| x == f), "pantau {args:?} offers {f}");
        }
    }
}

#[test]
fn a_flag_given_before_a_command_that_does_not_take_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    pantau(&db)
        .args(["--theme", "light", "report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--theme means nothing to `pantau report`; `pantau report --help` lists the flags it takes",
        ));
    pantau(&db)
        .args([
            "--lang",
            "id",
            "--ascii",
            "--deadline-days",
            "working",
            "simulate",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--deadline-days, --ascii tidak berarti apa pun untuk `pantau simulate`",
        ));
    sealed::pantau(&sealed::scratch_home())
        .args(["completions", "bash"])
        .assert()
        .success();
    sealed::pantau(&sealed::scratch_home())
        .args(["--lang", "en", "completions", "bash"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--lang means nothing to `pantau completions`",
        ));
    // Before or after the command's name, a flag it takes works the same, and over the
    // environment.
    for args in [
        &["--deadline-days", "working", "--theme", "light", "config"][..],
        &["config", "--deadline-days", "working", "--theme", "light"],
        &[
            "--deadline-days",
            "calendar",
            "config",
            "--deadline-days",
            "working",
            "--theme",
            "light",
        ],
    ] {
        let out = pantau(&db)
            .env("PANTAU_DB", dir.path().join("other.db"))
            .env("PANTAU_DEADLINE_DAYS", "calendar")
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}");
        for line in [
            "deadline_days = \"working\"                # --deadline-days",
            "theme = \"light\"                          # --theme",
        ] {
            assert!(text.contains(line), "{args:?}: {text}");
        }
        assert!(
            text.lines()
                .any(|l| l.starts_with("database = ") && l.ends_with("# --db")),
            "--db over PANTAU_DB: {text}"
        );
    }
    pantau(&db)
        .env("PANTAU_DEADLINE_DAYS", "kerja")
        .args(["--lang", "id", "report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "PANTAU_DEADLINE_DAYS tidak valid: \"kerja\"; tulis calendar atau working",
        ));
}
