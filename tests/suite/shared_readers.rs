//! Readers and writers of one shared database: a reader with read permission only never locks the
//! writers out, commands that only read never need the write lock nor change the schema, the audit
//! trail names the real user, the write-ahead log shrinks once readers are gone, and the index
//! cache is used only when it is the user's own and describes this very database.

use crate::sealed;
use crate::trust_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use trust_support::team::{self, owner};

/// A generous limit that only guards against a command hanging.
const HANG: Duration = Duration::from_secs(120);

/// The binary as the user running the test, sealed from the machine: its own HOME, XDG folders,
/// locale and day, no PANTAU_* variable.
fn pantau(home: &Path, db: &Path) -> Command {
    let mut c = sealed::pantau(home);
    c.env("PANTAU_TODAY", "2024-03-01")
        .timeout(HANG)
        .arg("--db")
        .arg(db);
    c
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/contoh-import.csv")
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_reader_with_read_permission_only_never_locks_the_owner_out() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    let (wal, shm) = (sidecar(&db, "-wal"), sidecar(&db, "-shm"));
    let alice = |args: &[&str]| t.alice.pantau_on(&db).args(args).output().unwrap();
    let bob = |args: &[&str]| t.bob.pantau_on(&db).args(args).output().unwrap();
    let out = alice(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = alice(&["import", example().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    // Read permission only for the group, as the README suggests for readers.
    t.alice.sh(&format!("chmod 0640 '{}'", db.display()));

    let out = bob(&["report", "--by", "region"]);
    assert!(out.status.success(), "bob reads: {}", text(&out));
    for f in [&wal, &shm] {
        assert_eq!(owner(f), t.alice.uid, "{} stays the writer's", f.display());
    }
    let out = alice(&["import", example().to_str().unwrap()]);
    assert!(out.status.success(), "alice still writes: {}", text(&out));

    // Without the files (the sqlite3 shell removes them when it closes), bob is told what to do
    // and makes nothing of his own.
    std::fs::remove_file(&wal).unwrap();
    std::fs::remove_file(&shm).unwrap();
    let out = bob(&["report"]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("Ask a colleague who may write"),
        "{}",
        text(&out)
    );
    assert!(!wal.exists() && !shm.exists(), "the reader made nothing");
    let out = alice(&["import", example().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));

    // Files made by a read-only reader elsewhere (sqlite3) are named, with their owner and the way
    // out, instead of "write permission is missing".
    std::fs::remove_file(&wal).unwrap();
    std::fs::remove_file(&shm).unwrap();
    let out = t.bob.sh(&format!(
        "sqlite3 'file:{}?mode=ro' 'SELECT count(*) FROM cases'",
        db.display()
    ));
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(owner(&shm), t.bob.uid);
    let out = alice(&["import", example().to_str().unwrap()]);
    assert!(!out.status.success());
    let said = text(&out);
    for part in [
        "pantau-bob",
        &shm.display().to_string(),
        "chmod g+w",
        "fuser",
    ] {
        assert!(said.contains(part), "{part:?} missing in: {said}");
    }
}

#[test]
fn check_answers_while_another_connection_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    pantau(dir.path(), &db).arg("init").assert().success();
    pantau(dir.path(), &db)
        .arg("import")
        .arg(example())
        .assert()
        .success();
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = pantau(dir.path(), &db).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = pantau(dir.path(), &db)
        .args(["report", "--by", "region"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    writer.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_reading_command_on_an_old_schema_changes_nothing_and_says_what_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db"),
        &db,
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [&["report"][..], &["batches"], &["export"]] {
        let out = pantau(dir.path(), &db).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let said = text(&out);
        assert!(
            said.contains(&format!("pantau --db {} init", db.display())),
            "{args:?}: {said}"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    // The command it names does upgrade it, and says so; once.
    let schema = pantau::store::SCHEMA_VERSION;
    pantau(dir.path(), &db)
        .arg("init")
        .assert()
        .success()
        .stdout(predicates::str::contains(format!(
            "schema was upgraded from version 1 to {schema}; every case and batch is kept"
        )));
    pantau(dir.path(), &db)
        .arg("init")
        .assert()
        .success()
        .stdout(predicates::prelude::PredicateBooleanExt::not(
            predicates::str::contains("upgraded"),
        ));
    pantau(dir.path(), &db).arg("report").assert().success();
}

#[test]
fn the_audit_trail_names_the_real_user_whatever_the_environment_says() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    let alice = || {
        let mut c = t.alice.pantau();
        c.env("SUDO_USER", "pantau-bob")
            .env("USER", "pantau-bob")
            .env("LOGNAME", "pantau-bob")
            .arg("--db")
            .arg(&db);
        c
    };
    alice().arg("init").assert().success();
    alice().arg("import").arg(example()).assert().success();
    let out = alice().arg("batches").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("pantau-alice"), "{said}");
    assert!(!said.contains("pantau-bob"), "{said}");
}

#[test]
fn the_write_ahead_log_shrinks_once_readers_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    // Enough cases received by 1 Mar 2024 (a third of synthetic cases are Pilkada 2024's, all
    // received later) for an import that outgrows the log's limit.
    pantau(dir.path(), &source)
        .args(["demo", "--records", "9000"])
        .assert()
        .success();
    let csv = dir.path().join("all.csv");
    pantau(dir.path(), &source)
        .args(["export", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let db = dir.path().join("k.db");
    pantau(dir.path(), &db).arg("init").assert().success();
    // A long reader (a TUI left open): its snapshot keeps the log from starting over.
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM cases;")
        .unwrap();
    pantau(dir.path(), &db)
        .args(["import", "--skip-invalid"])
        .arg(&csv)
        .assert()
        .success();
    let wal = sidecar(&db, "-wal");
    let grown = std::fs::metadata(&wal).unwrap().len();
    assert!(grown > 4 << 20, "the log grew to {grown} bytes");
    // The reader is done but stays connected, as an idle TUI does.
    reader.execute_batch("COMMIT").unwrap();
    pantau(dir.path(), &db)
        .arg("import")
        .arg(example())
        .assert()
        .success();
    let after = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert!(
        after < 1 << 20,
        "the log is still {after} bytes (it was {grown})"
    );
    drop(reader);
}

/// A database above the size from which the CLI keeps an index cache, with that cache made:
/// written with the index off, so that no index is saved in it and the first reader keeps one.
fn big_database(home: &Path) -> (PathBuf, PathBuf) {
    let db = home.join("big.db");
    pantau(home, &db)
        .env("PANTAU_INDEX", "off")
        .args(["demo", "--records", "25000"])
        .assert()
        .success();
    pantau(home, &db)
        .args(["report", "--by", "region"])
        .assert()
        .success();
    let dir = home.join(".cache/pantau/index");
    let cache = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("an index cache");
    (db, cache)
}

/// `report --by region` and the cases of Balikpapan as printed, and as SQL alone
/// answers them (`PANTAU_INDEX=off`).
fn figures(home: &Path, db: &Path) -> (String, String) {
    let run = |index_off: bool| {
        let mut c = pantau(home, db);
        if index_off {
            c.env("PANTAU_INDEX", "off");
        }
        let out = c.args(["report", "--by", "region"]).output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        let mut c = pantau(home, db);
        if index_off {
            c.env("PANTAU_INDEX", "off");
        }
        let kota = c
            .args(["report", "--view", "region:balikpapan"])
            .output()
            .unwrap();
        assert!(kota.status.success(), "{}", text(&kota));
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&kota.stdout)
    };
    (run(false), run(true))
}

/// The cache at `cache` rewritten with every case of its first region moved to the second.
fn forge(cache: &Path) {
    let mut index = pantau::engine::cache::read(cache).unwrap();
    let from = index.region[0];
    let to = if from == 0 { 1 } else { 0 };
    for r in index.region.iter_mut().filter(|r| **r == from) {
        *r = to;
    }
    pantau::engine::cache::write(cache, &index).unwrap();
}

#[test]
fn an_index_cache_someone_else_could_have_written_is_never_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (db, cache) = big_database(home);
    let (_, sql) = figures(home, &db);
    // Writable by the group: anyone in it could have forged it.
    forge(&cache);
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o664)).unwrap();
    let (shown, _) = figures(home, &db);
    assert_eq!(shown, sql, "a group-writable cache was trusted");
    // Another user's file in the folder.
    forge(&cache);
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::chown(&cache, Some(65534), Some(65534)).unwrap();
    let (shown, _) = figures(home, &db);
    assert_eq!(shown, sql, "another user's cache was trusted");
}

#[test]
fn check_compares_the_index_cache_with_the_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (db, cache) = big_database(home);
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("✓ index cache: matches the 25,000 cases"),
        "{}",
        text(&out)
    );
    forge(&cache);
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("✗ index cache:") && said.contains("disagrees with the database"),
        "{said}"
    );
    assert!(!cache.exists(), "the bad cache is removed");
    let (shown, sql) = figures(home, &db);
    assert_eq!(shown, sql);
}

#[test]
fn doctor_passes_a_reader_who_may_write_neither_the_database_nor_its_folder() {
    let Some(t) = team::team() else { return };
    let dir = t.shared.join("readers");
    let db = dir.join("kaltim.db");
    let made = t.alice.sh(&format!("mkdir '{}'", dir.display()));
    assert!(made.status.success(), "{}", text(&made));
    let out = t.alice.pantau_on(&db).args(["init"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        sidecar(&db, "-shm").is_file(),
        "the writer left its -shm for readers"
    );
    // The README's reader setup: the group reads the database and its files, writes nothing.
    t.alice.sh(&format!(
        "chmod 0640 '{0}' '{0}-wal' '{0}-shm' && chmod 0750 '{1}'",
        db.display(),
        dir.display()
    ));
    let doctor = || {
        t.bob
            .pantau_on(&db)
            .env("TERM", "xterm-256color")
            .args(["doctor"])
            .output()
            .unwrap()
    };
    let out = doctor();
    let said = text(&out);
    assert!(
        out.status.success(),
        "a reader's setup is no failure: {said}"
    );
    assert!(said.contains("read only"), "{said}");
    assert!(!said.contains("cannot be written"), "{said}");
    // Without the -shm a reader could not open it: that stays a failure, with its way out.
    t.alice
        .sh(&format!("rm -f '{0}-shm' '{0}-wal'", db.display()));
    let out = doctor();
    assert!(text(&out).contains("cannot be written"), "{}", text(&out));
}
