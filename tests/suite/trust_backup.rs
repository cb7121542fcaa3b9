//! `pantau backup` through the real binary: a checked copy that stands alone, taken from one
//! snapshot while a writer goes on; never over a file that is not pantau's; nothing left by Ctrl-C.

use crate::sealed;
use crate::trust_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pantau::domain::{Case, Source, StatusChange};
use pantau::store::{Mode, Store};
use rusqlite::{Connection, OpenFlags};
use trust_support::*;

/// Every case and history row of `db`, as text, by intake number.
fn rows(db: &Path) -> Vec<(String, String)> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT c.nomor, c.*, (SELECT group_concat(coalesce(h.from_status, '∅') || '>' || h.to_status \
             || '@' || h.changed_at, ',') FROM (SELECT * FROM status_history WHERE case_id = c.id \
             ORDER BY id) h) FROM cases c ORDER BY c.nomor",
        )
        .unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        let key: String = r.get(0)?;
        let all: Vec<String> = (1..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect();
        Ok((key, all.join("|")))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn partials(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".pantau-"))
        })
        .collect()
}

#[test]
fn a_backup_is_a_checked_pantau_database_that_stands_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let dest = dir.path().join("salinan/kaltim-2024-02-02.db");
    std::fs::create_dir(dest.parent().unwrap()).unwrap();
    let out = pantau(&db).arg("backup").arg(&dest).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        // The demo's 168 cases of Pemilu 2024 and 113 of Pilkada 2024.
        stdout.starts_with(&format!("Backup written: {} (281 cases, ", dest.display()))
            && stdout.contains("checked: ok"),
        "{stdout}"
    );
    let header = std::fs::read(&dest).unwrap();
    assert_eq!(
        &header[18..20],
        &[1, 1],
        "a rollback-journal file, no -wal needed"
    );
    assert_eq!(rows(&dest), rows(&db));
    pantau(&dest).arg("check").assert().success();
    assert!(partials(dest.parent().unwrap()).is_empty());
    let store = Store::open(&dest, Mode::ReadOnly).unwrap();
    assert_eq!(store.case_count().unwrap(), 281);
}

#[test]
fn an_existing_file_is_replaced_only_with_force_and_only_if_it_is_pantaus() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let notes = dir.path().join("catatan.txt");
    std::fs::write(&notes, "rapat koordinasi 31 Januari\n").unwrap();
    let other = dir.path().join("lain.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (a); INSERT INTO t VALUES (1);")
        .unwrap();
    let other_bytes = std::fs::read(&other).unwrap();

    let out = pantau(&db).arg("backup").arg(&notes).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        texts(&out).1.contains(&format!(
            "{} already exists; add --force to replace it",
            notes.display()
        )),
        "{}",
        texts(&out).1
    );
    let out = pantau(&db)
        .args(["backup", "--force"])
        .arg(&notes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // The way out is another path, not a restore (the file is not the user's database).
    assert!(
        texts(&out).1.contains(&format!(
            "{} exists and is not a pantau database; --force replaces only a pantau database: \
             choose another path, or move that file away first",
            notes.display()
        )),
        "{}",
        texts(&out).1
    );
    let folder = dir.path().join("salinan");
    std::fs::create_dir(&folder).unwrap();
    let out = pantau(&db)
        .arg("backup")
        .arg(format!("{}/", folder.display()))
        .output()
        .unwrap();
    assert!(
        texts(&out).1.contains(&format!(
            "is a folder; give the path of the copy, e.g. {}",
            folder.join("kaltim-copy.db").display()
        )),
        "{}",
        texts(&out).1
    );
    let out = pantau(&db)
        .args(["backup", "--force"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        texts(&out)
            .1
            .contains("is a SQLite database but not pantau's; pantau leaves it untouched"),
        "{}",
        texts(&out).1
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "rapat koordinasi 31 Januari\n"
    );
    assert_eq!(std::fs::read(&other).unwrap(), other_bytes);

    // An earlier copy is replaced with --force, by a copy of today's database.
    let copy = dir.path().join("salinan.db");
    pantau(&db).arg("backup").arg(&copy).assert().success();
    pantau(&db)
        .args([
            "import",
            concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-import.csv"),
        ])
        .assert()
        .success();
    pantau(&db)
        .args(["backup", "--force"])
        .arg(&copy)
        .assert()
        .success();
    assert_eq!(rows(&copy), rows(&db));
    assert_eq!(rows(&copy).len(), 281 + 8);

    let out = pantau(&db).arg("backup").arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", texts(&out).1);
    assert!(texts(&out).1.contains("is the database itself"));
    assert!(partials(dir.path()).is_empty());
}

/// Inserts case `i` in its own transaction, as an import of one row would.
fn write_case(store: &mut Store, i: usize) {
    let received = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    let mut case = Case::new(
        "PEMILU2024",
        &format!("{i:05}/TM/PL/Kota/23.06/II/2024"),
        Source::Temuan,
        "64.72",
        "KAMPANYE",
        received,
    );
    case.uraian = format!("Alat peraga kampanye di halaman sekolah nomor {i}");
    let at = received.and_hms_opt(9, 0, 0).unwrap();
    let first = StatusChange {
        from: None,
        to: case.status,
        at,
        by: "uji".into(),
        note: None,
    };
    let tx = store.conn_mut().transaction().unwrap();
    pantau::store::write::insert_case(&tx, &case, &[first], None, at).unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_backup_taken_while_a_writer_goes_on_holds_exactly_the_cases_of_one_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    pantau(&db)
        .args(["demo", "--records", "4000", "--seed", "5"])
        .assert()
        .success();
    let seeded = rows(&db);
    let written = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, written, stop) = (db.clone(), Arc::clone(&written), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut store = Store::open(&db, Mode::Write).unwrap();
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                write_case(&mut store, i);
                i += 1;
                written.store(i, Ordering::SeqCst);
            }
        })
    };
    let wait_for = |n: usize| {
        let start = Instant::now();
        while written.load(Ordering::SeqCst) < n {
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "the writer stalled"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_for(20);
    let dest = dir.path().join("salinan.db");
    let out = pantau(&db).arg("backup").arg(&dest).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let during = written.load(Ordering::SeqCst);
    wait_for(during + 20);
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();

    // The copy holds the seeded cases and the first k written ones, each exactly as in the source.
    let copy = rows(&dest);
    let source = rows(&db);
    let k = copy.len() - seeded.len();
    let written_total = source.len() - seeded.len();
    assert!(k >= 20 && k < written_total, "k = {k}: taken while writing");
    let seeded: std::collections::HashSet<String> = seeded.into_iter().map(|(n, _)| n).collect();
    let mut expected: Vec<(String, String)> = source
        .into_iter()
        .filter(|(nomor, _)| {
            seeded.contains(nomor) || nomor[..5].parse::<usize>().is_ok_and(|i| i < k)
        })
        .collect();
    expected.sort();
    assert_eq!(copy, expected);
    pantau(&dest).arg("check").assert().success();

    // Once the writer has stopped, a copy equals the source.
    let again = dir.path().join("salinan-2.db");
    pantau(&db).arg("backup").arg(&again).assert().success();
    assert_eq!(rows(&again), rows(&db));
}

#[test]
fn ctrl_c_during_a_backup_leaves_no_copy_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("besar.db");
    pantau(&db)
        .args(["demo", "--records", "30000", "--seed", "9"])
        .assert()
        .success();
    let before = rows(&db);
    let dest = dir.path().join("salinan.db");
    // Stop the process while its partial file exists, then send Ctrl-C and let it go on: it is
    // caught between pages, before the copy could be moved into place.
    for _attempt in 0..10 {
        let mut child = sealed::pantau_std(&sealed::scratch_home())
            .arg("--db")
            .arg(&db)
            .arg("backup")
            .arg(&dest)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id().to_string();
        let partial = || !partials(dir.path()).is_empty();
        while !partial() && child.try_wait().unwrap().is_none() {
            std::hint::spin_loop();
        }
        let signal = |s: &str| {
            assert!(
                Command::new("kill")
                    .args([s, &pid])
                    .status()
                    .unwrap()
                    .success()
            );
        };
        if child.try_wait().unwrap().is_none() {
            signal("-STOP");
            if partial() {
                signal("-INT");
                signal("-CONT");
                let out = child.wait_with_output().unwrap();
                let (_, err) = texts(&out);
                assert_eq!(out.status.code(), Some(1), "{err}");
                assert!(err.contains("cancelled; no copy was written"), "{err}");
                assert!(!dest.exists(), "no copy");
                assert!(partials(dir.path()).is_empty(), "no partial file");
                assert_eq!(rows(&db), before, "the source as it was");
                return;
            }
            signal("-CONT");
        }
        // The copy finished before it could be stopped: try again from scratch.
        let _ = child.wait();
        let _ = std::fs::remove_file(&dest);
    }
    panic!("the backup always finished before it could be interrupted");
}
