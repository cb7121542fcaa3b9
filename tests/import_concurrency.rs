//! Imports among other processes: a `kill -9` or Ctrl-C in the middle leaves the database as it
//! was, a reader never sees half an import, and an import waits for another writer's lock.

mod import_support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use import_support::*;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// The binary importing `file` into `db`, in the background.
fn spawn_import(db: &Path, file: &Path, extra: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("pantau"))
        .env_remove("PANTAU_DB")
        .env_remove("SUDO_USER")
        .env("LANG", "C")
        .env("USER", "tester")
        .env("PANTAU_TODAY", TODAY)
        .arg("--db")
        .arg(db)
        .arg("import")
        .args(extra)
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Whether another connection holds the write lock of `db` right now.
fn write_locked(db: &Path) -> bool {
    let mut c = Connection::open(db).unwrap();
    c.busy_timeout(Duration::ZERO).unwrap();
    match c.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => {
            tx.rollback().unwrap();
            false
        }
        Err(_) => true,
    }
}

/// Waits until the import holds the write lock (it is writing), failing if it ends first.
fn wait_until_writing(db: &Path, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !write_locked(db) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it was seen writing"
        );
        assert!(
            Instant::now() < deadline,
            "the import never started writing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn count(c: &Connection, table: &str) -> i64 {
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn kill_9_in_the_middle_of_a_large_import_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    seed(&db, &varied_cases(200));
    let file = dir.path().join("besar.csv");
    std::fs::write(&file, csv_file(0, 300_000)).unwrap();
    let before = full_checksum(&db);

    let mut child = spawn_import(&db, &file, &[]);
    wait_until_writing(&db, &mut child);
    // Let it write for a while, then kill it without warning.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import finished before the kill; use a larger file"
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());

    assert_eq!(
        full_checksum(&db),
        before,
        "not one case, history entry, batch or index entry changed"
    );
    assert_intact(&db);
    // The lock is gone with the process: the next import runs.
    let small = dir.path().join("kecil.csv");
    std::fs::write(&small, csv_file(0, 10)).unwrap();
    pantau(&db)
        .arg("import")
        .arg(&small)
        .assert()
        .success()
        .stdout(predicates::str::contains("10 new"));
}

#[test]
fn ctrl_c_rolls_back_and_says_nothing_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    seed(&db, &varied_cases(50));
    let file = dir.path().join("besar.csv");
    std::fs::write(&file, csv_file(0, 200_000)).unwrap();
    let before = full_checksum(&db);
    let mut child = spawn_import(&db, &file, &[]);
    wait_until_writing(&db, &mut child);
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cancelled; nothing was written"),
        "{stderr}"
    );
    assert_eq!(full_checksum(&db), before);
    assert_intact(&db);
}

#[test]
fn a_reader_never_sees_half_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    seed(&db, &varied_cases(100));
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 20_000)).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (db, stop) = (db.clone(), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            c.busy_timeout(Duration::from_secs(10)).unwrap();
            let mut seen = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                // One snapshot: cases, their history and the batches agree with each other.
                let tx = c.transaction().unwrap();
                seen.push((
                    count(&tx, "cases"),
                    count(&tx, "status_history"),
                    count(&tx, "import_batches"),
                ));
                tx.commit().unwrap();
            }
            seen
        })
    };
    std::thread::sleep(Duration::from_millis(100));
    let child = spawn_import(&db, &file, &[]);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    std::thread::sleep(Duration::from_millis(100));
    stop.store(true, Ordering::SeqCst);
    let seen = reader.join().unwrap();

    let before = (100, 100, 1);
    let after = (20_100, 20_100, 2);
    assert!(
        seen.len() > 10,
        "the reader counted while the import ran ({} times)",
        seen.len()
    );
    for s in &seen {
        assert!(
            *s == before || *s == after,
            "the reader saw {s:?}, neither before {before:?} nor after {after:?}"
        );
    }
    assert_eq!(seen.first(), Some(&before));
    assert_eq!(seen.last(), Some(&after));
    // The report, a reader of its own, agrees.
    let out = pantau(&db)
        .args(["report", "--format", "json", "--as-of", "2024-03-01"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["total"], 20_100);
}

#[test]
fn an_import_waits_for_another_writer_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 47)).unwrap();

    let mut other = Connection::open(&db).unwrap();
    let tx = other
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .unwrap();
    let started = Instant::now();
    let child = spawn_import(&db, &file, &[]);
    std::thread::sleep(Duration::from_millis(2500));
    tx.commit().unwrap();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(started.elapsed() >= Duration::from_millis(2500));
    assert_eq!(
        stderr
            .matches("waiting for another writer to finish with")
            .count(),
        1,
        "said once: {stderr}"
    );
    assert!(stderr.contains("(at most 60 s)…"), "{stderr}");
    assert!(
        stdout.contains("47 new, 0 changed, 0 unchanged"),
        "{stdout}"
    );
}

#[test]
fn an_import_that_waits_too_long_fails_naming_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    seed(&db, &varied_cases(10));
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 47)).unwrap();
    let before = full_checksum(&db);
    let mut other = Connection::open(&db).unwrap();
    let tx = other
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .unwrap();
    let out = pantau(&db)
        .args(["import", "--wait", "1"])
        .arg(&file)
        .output()
        .unwrap();
    tx.rollback().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(&format!(
            "{} is locked by another writer for longer than 1 s; try again when it has finished",
            db.display()
        )),
        "{stderr}"
    );
    assert_eq!(full_checksum(&db), before);
    let out = pantau(&db)
        .args(["--lang", "id", "import", "--wait", "0"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the lock is free again: {}",
        texts(&out).1
    );
}
