//! Imports among other processes: a `kill -9` or Ctrl-C in the middle leaves the database as it
//! was, a reader never sees half an import, and an import waits for another writer's lock.

use crate::import_support;
use crate::sealed;

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use import_support::*;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// The binary importing `file` into `db`, in the background.
fn spawn_import(db: &Path, file: &Path, extra: &[&str]) -> Child {
    sealed::pantau_std(&sealed::scratch_home())
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

/// A database of ten cases and a file of 47 others to import into it.
fn ten_cases_and_a_file_of_47(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = init_db(dir, "p.db");
    seed(&db, &varied_cases(10));
    let file = dir.join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 47)).unwrap();
    (db, file)
}

/// pantau's output for `args` on `db`, in the tests' own home and day.
fn run(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = sealed::pantau_std(&sealed::scratch_home())
        .env("PANTAU_TODAY", TODAY)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    (out.status.success(), stdout, stderr)
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

/// A generous limit that only guards against hanging, never a measure of speed.
const HANG: Duration = Duration::from_secs(120);

/// Waits until the import holds the write lock (it is writing), failing if it ends first.
fn wait_until_writing(db: &Path, child: &mut Child) {
    let deadline = Instant::now() + HANG;
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

/// Sends `signal` (`-STOP`, `-CONT`, `-INT`) to `child`.
fn signal(child: &Child, signal: &str) {
    assert!(
        Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
}

/// The state letter of `child` in /proc/PID/stat (`T` when stopped).
fn state(child: &Child) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap();
    // The state follows the command name, which is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')').unwrap() + 1..];
    after.trim_start().chars().next().unwrap()
}

/// Waits until `child` is stopped by SIGSTOP.
fn wait_stopped(child: &Child) {
    let deadline = Instant::now() + HANG;
    while state(child) != 'T' {
        assert!(Instant::now() < deadline, "the import never stopped");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Starts importing `file` into `db` and stops the process in the middle of writing: once it holds
/// the write lock it gets SIGSTOP, and is then seen stopped and still holding the lock.
fn import_stopped_while_writing(db: &Path, file: &Path) -> Child {
    let mut child = spawn_import(db, file, &[]);
    wait_until_writing(db, &mut child);
    signal(&child, "-STOP");
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import ended before it could be stopped; use a larger file"
    );
    wait_stopped(&child);
    assert!(
        write_locked(db),
        "the import had finished writing when it stopped; use a larger file"
    );
    child
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

    // Stopped in the middle of writing, then killed without warning.
    let mut child = import_stopped_while_writing(&db, &file);
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
    // Ctrl-C reaches it in the middle of writing.
    let child = import_stopped_while_writing(&db, &file);
    signal(&child, "-INT");
    signal(&child, "-CONT");
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
    let snapshots = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (db, stop, snapshots) = (db.clone(), Arc::clone(&stop), Arc::clone(&snapshots));
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
                snapshots.fetch_add(1, Ordering::SeqCst);
            }
            seen
        })
    };
    // Waits until the reader has taken `n` more snapshots than it had when called.
    let wait_snapshots = |n: usize| {
        let target = snapshots.load(Ordering::SeqCst) + n;
        let deadline = Instant::now() + HANG;
        while snapshots.load(Ordering::SeqCst) < target {
            assert!(Instant::now() < deadline, "the reader stopped counting");
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_snapshots(1);
    // The reader counts while the import is stopped in the middle of writing, then again after.
    let child = import_stopped_while_writing(&db, &file);
    wait_snapshots(20);
    signal(&child, "-CONT");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    wait_snapshots(2);
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
    let child = spawn_import(&db, &file, &[]);
    // It says it waits, and it does wait: it is still running while the lock is held.
    let out = waits_until_released(child, || tx.commit().unwrap());
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
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
    let (db, file) = ten_cases_and_a_file_of_47(dir.path());
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

/// A connection that holds `db` in `locking_mode=EXCLUSIVE` (as a sqlite3 shell can): no other
/// process may even read it until the connection is closed.
fn exclusive_holder(db: &Path) -> Connection {
    let c = Connection::open(db).unwrap();
    c.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    let _: i64 = c
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    c
}

/// The output of `child`, which must say it waits for another writer and still be waiting when
/// it has said so; `release` then lets go of the lock it waits for.
fn waits_until_released(mut child: Child, release: impl FnOnce()) -> std::process::Output {
    let mut said = stderr_until(&mut child, "waiting for another writer");
    assert!(child.try_wait().unwrap().is_none(), "it did not wait");
    release();
    child.stderr.take().unwrap().read_to_end(&mut said).unwrap();
    let mut out = child.wait_with_output().unwrap();
    out.stderr = said;
    out
}

/// Reads the child's standard error until it says `what`; fails if it ends first.
fn stderr_until(child: &mut Child, what: &str) -> Vec<u8> {
    let err = child.stderr.as_mut().unwrap();
    let mut said = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&said).contains(what) {
        let n = err.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "it ended without saying {what:?}: {}",
            String::from_utf8_lossy(&said)
        );
        said.extend_from_slice(&buf[..n]);
    }
    said
}

#[test]
fn a_database_held_exclusively_when_the_import_starts_is_waited_for_as_long_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = ten_cases_and_a_file_of_47(dir.path());

    // Held past the wait given: refused after that wait, named as such (it once waited the
    // store's own 10 s whatever `--wait` said), with nothing written.
    let holder = exclusive_holder(&db);
    let out = spawn_import(&db, &file, &["--wait", "1"])
        .wait_with_output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is locked by another writer for longer than 1 s"),
        "{stderr}"
    );

    // Released while it waits: it says it waits, once, then imports.
    let child = spawn_import(&db, &file, &[]);
    let out = waits_until_released(child, || drop(holder));
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("waiting for another writer").count(),
        1,
        "{stderr}"
    );
    assert!(stdout.contains("47 new"), "{stdout}");
}

#[test]
fn ctrl_c_while_an_import_waits_for_the_database_stops_it_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = ten_cases_and_a_file_of_47(dir.path());
    let holder = exclusive_holder(&db);
    let mut child = spawn_import(&db, &file, &["--wait", "600"]);
    let mut said = stderr_until(&mut child, "waiting for another writer");
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    child.stderr.take().unwrap().read_to_end(&mut said).unwrap();
    let mut out = child.wait_with_output().unwrap();
    out.stderr = said;
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cancelled"), "{stderr}");
    drop(holder);
    let c = Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 10, "nothing was written");
}

#[test]
fn counts_of_a_thousand_and_more_are_grouped_as_the_language_writes_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 1_200)).unwrap();
    let file = file.to_str().unwrap();
    // As the export and the reports write them: 1,200 in English, 1.200 in Indonesian.
    for (args, said) in [
        (&["import", file][..], "1,200 new, 0 changed, 0 unchanged"),
        (
            &["--lang", "id", "import", file][..],
            "0 baru, 0 berubah, 1.200 tetap",
        ),
        (
            &["batches"][..],
            "1,200 new, 0 changed, 0 unchanged, 0 rejected",
        ),
        (&["check"][..], "1,200 cases, 1,200 entries"),
    ] {
        let (ok, stdout, stderr) = run(&db, args);
        assert!(ok, "{args:?}: {stderr}");
        assert!(stdout.contains(said), "{args:?}: {stdout}");
    }
}

#[test]
fn a_reader_of_a_database_held_exclusively_says_it_waits_and_answers_once_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    seed(&db, &varied_cases(10));
    for (args, answer) in [
        (&["report", "--by", "region"][..], "Total"),
        (&["doctor"][..], "schema: version"),
    ] {
        let holder = exclusive_holder(&db);
        let child = sealed::pantau_std(&sealed::scratch_home())
            .env("PANTAU_TODAY", TODAY)
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Not a silent pause (on a terminal the screen stayed blank until the wait ran out).
        let out = waits_until_released(child, || drop(holder));
        let (stdout, stderr) = texts(&out);
        assert!(stdout.contains(answer), "{args:?}: {stdout}\n{stderr}");
    }
}

#[test]
fn ctrl_c_while_backup_limpah_or_kegiatan_import_waits_stops_them_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = ten_cases_and_a_file_of_47(dir.path());
    let copy = dir.path().join("salinan.db");
    let kegiatan = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-kegiatan.csv");
    let holder = exclusive_holder(&db);
    for args in [
        vec!["backup", copy.to_str().unwrap()],
        vec![
            "limpah",
            "001/TM/PL/Kota/23.05/I/2024",
            "--ke",
            "64",
            "--tanggal",
            "2024-02-01",
            "--wait",
            "600",
        ],
        vec!["kegiatan", "import", kegiatan, "--wait", "600"],
    ] {
        let mut child = sealed::pantau_std(&sealed::scratch_home())
            .env("PANTAU_TODAY", TODAY)
            .arg("--db")
            .arg(&db)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut said = stderr_until(&mut child, "waiting for another writer");
        signal(&child, "-INT");
        child.stderr.take().unwrap().read_to_end(&mut said).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&said);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("cancelled"), "{args:?}: {stderr}");
    }
    drop(holder);
    assert!(!copy.exists(), "no copy was written");
    let c = Connection::open(&db).unwrap();
    assert_eq!(count(&c, "cases"), 10);
    assert_eq!(count(&c, "handling_history"), 0);
}
