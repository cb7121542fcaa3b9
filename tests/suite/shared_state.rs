//! The state a team shares, as pantau reports it: figures after a database restored from a file
//! copy come from this database (never from an index cache of the undone import), `doctor` says
//! when the write-ahead log stays large and when its files lock writers out, and days outside the
//! range pantau works with are refused with the range named, never a panic.

use crate::trust_support;
use crate::tui_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use trust_support::team;

/// A generous limit that only guards against a command hanging.
const HANG: Duration = Duration::from_secs(120);

/// The binary as the user running the test, sealed from the machine: its own HOME, XDG folders,
/// locale and day, no PANTAU_* variable.
fn pantau(home: &Path, db: &Path) -> Command {
    let mut c = crate::sealed::pantau(home);
    // `doctor` checks the terminal too: an ordinary one, so that only the database is judged.
    c.env("PANTAU_TODAY", "2024-03-01")
        .env("TERM", "xterm-256color")
        .timeout(HANG)
        .arg("--db")
        .arg(db);
    c
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// An import file of `n` new cases like the `row`-th case of the example file (1-based), each
/// with its own intake and registration numbers.
fn cases_like(dir: &Path, name: &str, row: usize, n: usize) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/contoh-import.csv");
    let mut reader = csv::Reader::from_path(example).unwrap();
    let header = reader.headers().unwrap().clone();
    let template = reader.records().nth(row - 1).unwrap().unwrap();
    let path = dir.join(name);
    let mut out = csv::Writer::from_path(&path).unwrap();
    out.write_record(&header).unwrap();
    for i in 0..n {
        let mut fields: Vec<String> = template.iter().map(str::to_string).collect();
        for field in fields.iter_mut().take(2).filter(|f| !f.is_empty()) {
            // `041/TM/PL/Kota/23.05/XII/2023` → `9NN/TM/PL/Kota/23.05/XII/2023`
            if let Some((_, rest)) = field.split_once('/') {
                *field = format!("9{i:02}/{rest}");
            }
        }
        out.write_record(&fields).unwrap();
    }
    out.flush().unwrap();
    path
}

/// The cases of each region (key → count) as `report --by region` prints them.
fn report_by_region(home: &Path, db: &Path) -> Vec<(String, i64)> {
    let out = pantau(home, db)
        .args(["report", "--by", "region", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The same figures counted by SQL on the file, independently of pantau: the cases received by
/// the day of the report.
fn sql_by_region(db: &Path, keys: &[(String, i64)]) -> Vec<(String, i64)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    keys.iter()
        .map(|(key, _)| {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM cases WHERE kode_wilayah = ?1 AND tanggal_diterima <= '2024-03-01'",
                    [key],
                    |r| r.get(0),
                )
                .unwrap();
            (key.clone(), n)
        })
        .collect()
}

fn count_of(figures: &[(String, i64)], key: &str) -> i64 {
    figures
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("no region {key} in {figures:?}"))
}

/// The usual recovery: yesterday's file is copied back with `cp`, then the corrected file is
/// imported, with as many rows as the undone import had. The database is above the size from
/// which `report` answers from the index cache, and the cache was last written for the undone
/// import at the very same log position.
#[test]
fn figures_after_a_restored_copy_are_this_database_s_not_the_undone_import_s() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("kaltim.db");
    pantau(home, &db)
        .args(["demo", "--records", "25000", "--seed", "1"])
        .assert()
        .success();
    let before = report_by_region(home, &db);
    assert_eq!(before, sql_by_region(&db, &before));
    let yesterday = home.join("kaltim-yesterday.db");
    // Copied while no one writes: pantau leaves the log empty when a writer closes.
    assert_eq!(std::fs::metadata(sidecar(&db, "-wal")).unwrap().len(), 0);
    std::fs::copy(&db, &yesterday).unwrap();
    // The wrong import: five cases for Balikpapan.
    let wrong = cases_like(home, "wrong.csv", 1, 5);
    pantau(home, &db)
        .arg("import")
        .arg(&wrong)
        .assert()
        .success();
    // A view over time keeps the cache up to date with this import.
    pantau(home, &db)
        .args(["report", "--by", "region", "--as-of", "2024-03-01"])
        .assert()
        .success();
    let undone = report_by_region(home, &db);
    assert_eq!(
        count_of(&undone, "64.71"),
        count_of(&before, "64.71") + 5,
        "the wrong import is counted"
    );
    // The restore, as a colleague does it; then the corrected file: five cases for Samarinda.
    std::fs::copy(&yesterday, &db).unwrap();
    let right = cases_like(home, "right.csv", 3, 5);
    pantau(home, &db)
        .arg("import")
        .arg(&right)
        .assert()
        .success();
    let shown = report_by_region(home, &db);
    let sql = sql_by_region(&db, &shown);
    assert_eq!(count_of(&sql, "64.71"), count_of(&before, "64.71"));
    assert_eq!(count_of(&sql, "64.72"), count_of(&before, "64.72") + 5);
    assert_eq!(
        shown, sql,
        "report shows the figures of the undone import, not those of the database"
    );
    // `check` finds nothing wrong now that the index describes this database.
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

/// A reader that stays open (an interactive screen left running) while others write keeps the
/// log from starting over: `doctor` says the log is above its limit, why, and the command that
/// cuts it back, which then does.
#[test]
fn doctor_warns_of_a_write_ahead_log_above_its_limit_and_its_remedy_works() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("kaltim.db");
    pantau(home, &db).arg("init").assert().success();
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM regions;")
        .unwrap();
    // 80 MiB of writes (in a table of the test's own, dropped again) while the reader holds
    // its snapshot: the log cannot start over.
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE ballast (b BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80)
             INSERT INTO ballast SELECT zeroblob(1048576) FROM n;
             DROP TABLE ballast;",
        )
        .unwrap();
    drop(writer);
    let wal = sidecar(&db, "-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 64 << 20);
    let out = pantau(home, &db).arg("doctor").output().unwrap();
    let said = text(&out);
    assert!(out.status.success(), "a warning is not a failure: {said}");
    assert!(said.contains("! WAL log: "), "{said}");
    assert!(said.contains("above the limit of 64 MiB"), "{said}");
    assert!(said.contains("a reader open for a long time"), "{said}");
    assert!(
        said.contains("close that reader; the next command that writes"),
        "{said}"
    );
    assert!(
        !said.contains("Every check passed"),
        "warnings are not a pass: {said}"
    );
    assert!(
        said.contains("Passed with ") && said.contains(" (!) above"),
        "{said}"
    );
    let id = pantau(home, &db)
        .env("LC_ALL", "id_ID.UTF-8")
        .env("LANG", "id_ID.UTF-8")
        .args(["--lang", "id", "doctor"])
        .output()
        .unwrap();
    assert!(text(&id).contains("di atas batas 64 MiB"), "{}", text(&id));
    // The reader is gone: the command named cuts the log back, and doctor is content.
    drop(reader);
    pantau(home, &db).arg("init").assert().success();
    assert!(std::fs::metadata(&wal).map_or(0, |m| m.len()) < 1 << 20);
    let out = pantau(home, &db).arg("doctor").output().unwrap();
    let said = text(&out);
    assert!(said.contains("✓ WAL log: "), "{said}");
}

/// `-wal` and `-shm` files made by a colleague who may only read (an older pantau, sqlite3):
/// writers can no longer write, and `doctor` says so with the way out.
#[test]
fn doctor_fails_when_the_log_files_belong_to_someone_who_is_not_a_writer() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    t.alice.pantau_on(&db).arg("init").assert().success();
    let out = t.alice.pantau_on(&db).arg("doctor").output().unwrap();
    assert!(!text(&out).contains("-wal/-shm files"), "{}", text(&out));
    let (wal, shm) = (sidecar(&db, "-wal"), sidecar(&db, "-shm"));
    t.bob.sh(&format!(
        "rm -f '{w}' '{s}' && cat /dev/null > '{w}' && head -c 32768 /dev/zero > '{s}' && chmod 644 '{w}' '{s}'",
        w = wal.display(),
        s = shm.display()
    ));
    let out = t.alice.pantau_on(&db).arg("doctor").output().unwrap();
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("✗ -wal/-shm files: "), "{said}");
    assert!(said.contains("belongs to pantau-bob"), "{said}");
    assert!(
        said.contains(&format!(
            "pantau-bob (or root) runs `chmod g+w {} {}`",
            wal.display(),
            shm.display()
        )),
        "{said}"
    );
}

fn out_of_range(out: &std::process::Output) {
    let said = text(out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("1900-01-01") && said.contains("2199-12-31"),
        "the range is named: {said}"
    );
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn a_today_outside_the_range_is_refused_with_the_range_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("kaltim.db");
    pantau(home, &db).arg("init").assert().success();
    for (today, lang) in [("2300-01-01", "en"), ("01/01/1850", "id")] {
        let out = pantau(home, &db)
            .env("PANTAU_TODAY", today)
            .args(["--lang", lang, "report"])
            .output()
            .unwrap();
        out_of_range(&out);
        let said = text(&out);
        assert!(said.contains("PANTAU_TODAY"), "{said}");
        let words = if lang == "en" {
            "out of range"
        } else {
            "di luar jangkauan"
        };
        assert!(said.contains(words), "{said}");
    }
}

#[test]
fn a_baseline_outside_the_range_is_refused_with_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("kaltim.db");
    pantau(home, &db).arg("init").assert().success();
    for baseline in ["1800-01-01 09:00", "31/12/1899 23:59"] {
        let out = pantau(home, &db)
            .args(["--baseline", baseline])
            .output()
            .unwrap();
        out_of_range(&out);
        assert!(text(&out).contains("--baseline"), "{}", text(&out));
    }
}

/// `[` on the first day and `]` on the last stay there and say why.
#[test]
fn day_steps_stop_at_the_ends_of_the_range() {
    use chrono::NaiveDate;
    use pantau::i18n::Lang;
    use pantau::view::View;
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    for (day, key) in [
        (NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), '['),
        (NaiveDate::from_ymd_opt(2199, 12, 31).unwrap(), ']'),
    ] {
        let mut h = tui_support::Harness::with(&db, (100, 30), Lang::En, View::default(), |o| {
            o.as_of = Some(day)
        });
        assert_eq!(h.app.as_of(), day);
        h.press(KeyCode::Char(key));
        assert_eq!(h.app.as_of(), day, "{key} left the range");
        let screen = h.screen();
        assert!(
            screen.contains("pantau takes dates from 1900-01-01 to 2199-12-31"),
            "{screen}"
        );
        // The other way still works.
        h.press(KeyCode::Char(if key == '[' { ']' } else { '[' }));
        assert_ne!(h.app.as_of(), day);
    }
}
